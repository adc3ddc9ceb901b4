package cn.talentportal.infra.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job search engine is: {@code talent.search.url} empty starts the embedded node (data under
 * {@code talent.data-dir}), otherwise the portal connects to that Elasticsearch (or OpenSearch) cluster.
 *
 * @param url the cluster's URL, for example {@code https://search.example.cn:9200}; empty for the embedded node
 * @param username user for basic authentication against the cluster
 * @param password password for basic authentication
 * @param apiKey an Elasticsearch API key (the encoded form); used instead of username and password
 * @param embedded settings of the embedded node
 * @param maxConnections HTTP connections to the engine the portal keeps open at most; a search, an index write
 *        or a percolation waiting for a free one waits outside the engine's own time. The client's default (10)
 *        made the search benchmark's 16 clients queue in the portal (docs/decisions/0034).
 */
@ConfigurationProperties(prefix = "talent.search")
public record SearchEngineProperties(String url, String username, String password, String apiKey,
        @DefaultValue Embedded embedded, @DefaultValue("64") int maxConnections) {

    /**
     * @param port HTTP port of the embedded node on 127.0.0.1; 0 picks a free one
     * @param startTimeout how long to wait for the embedded node to become ready
     */
    public record Embedded(@DefaultValue("0") int port, @DefaultValue("90s") Duration startTimeout) {
    }

    public boolean isExternal() {
        return url != null && !url.isBlank();
    }
}
