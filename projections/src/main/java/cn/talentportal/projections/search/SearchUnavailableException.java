package cn.talentportal.projections.search;

/** The search engine did not answer; the page says so instead of failing. Commands are never blocked by it. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(Throwable cause) {
        super("search.unavailable", cause);
    }
}
