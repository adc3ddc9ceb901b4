package cn.talentportal.infra.search;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable {@code talent.search.url} into one clear startup message instead of a stack of bean errors. */
public class SearchEngineUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SearchEngineUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SearchEngineUnavailableException cause) {
        String description = "The portal could not reach the search engine configured by talent.search.url ("
                + cause.url() + "): " + cause.reason() + ".";
        String action = "Start that Elasticsearch/OpenSearch cluster or correct talent.search.url"
                + " (and talent.search.username/password or talent.search.api-key)."
                + " To use the embedded search node instead, leave talent.search.url empty.";
        return new FailureAnalysis(description, action, cause);
    }
}
