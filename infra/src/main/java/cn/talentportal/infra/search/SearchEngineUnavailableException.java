package cn.talentportal.infra.search;

import java.net.URI;

/** The configured external search engine did not answer at startup; see {@link SearchEngineUnavailableFailureAnalyzer}. */
public class SearchEngineUnavailableException extends RuntimeException {

    private final URI url;
    private final String reason;

    public SearchEngineUnavailableException(URI url, String reason, Throwable cause) {
        super("The search engine at " + url + " (talent.search.url) is not available: " + reason, cause);
        this.url = url;
        this.reason = reason;
    }

    public URI url() {
        return url;
    }

    public String reason() {
        return reason;
    }
}
