package cn.talentportal.infra.search;

import java.io.IOException;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

/** UP when the search engine answers {@code GET /}; details name the engine kind (embedded/external) and URL. */
public class SearchEngineHealthIndicator implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final SearchEngineEndpoint endpoint;
    private final Rest5Client client;

    public SearchEngineHealthIndicator(SearchEngineEndpoint endpoint, Rest5Client client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder()
                .withDetail("engine", endpoint.kind().label())
                .withDetail("url", endpoint.url().toString());
        endpoint.embeddedNode().ifPresent(node -> health.withDetail("pid", node.pid()));
        if (endpoint.embeddedNode().map(node -> !node.isAlive()).orElse(false)) {
            return health.down().withDetail("error", "the embedded search node process has ended").build();
        }
        try {
            SearchEngineProbe.check(client, TIMEOUT);
            return health.up().build();
        } catch (IOException e) {
            return health.down().withDetail("error", SearchEngineProbe.describe(e)).build();
        }
    }
}
