package cn.talentportal.infra.search;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

/**
 * The job search engine: an external cluster when {@code talent.search.url} is set (checked at startup, so a
 * wrong URL fails fast), otherwise the embedded OpenSearch node in a child JVM.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchEngineProperties.class)
public class SearchEngineConfiguration {

    /** Connect and response timeout of the startup check: the whole check stays well within ten seconds. */
    static final Duration STARTUP_CHECK_TIMEOUT = Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    SearchEngineEndpoint searchEngineEndpoint(SearchEngineProperties properties,
            @Value("${talent.data-dir:./data}") Path dataDir) {
        if (properties.isExternal()) {
            return SearchEngineEndpoint.external(URI.create(properties.url().trim()));
        }
        SearchEngineProperties.Embedded embedded = properties.embedded();
        return SearchEngineEndpoint.embedded(EmbeddedSearchNode.start(dataDir, embedded.port(), embedded.startTimeout()));
    }

    @Bean(destroyMethod = "close")
    Rest5Client searchRestClient(SearchEngineEndpoint endpoint, SearchEngineProperties properties) throws IOException {
        Rest5Client client = SearchRestClients.create(endpoint, properties);
        if (endpoint.kind() == SearchEngineEndpoint.Kind.EXTERNAL) {
            try {
                SearchEngineProbe.check(client, STARTUP_CHECK_TIMEOUT);
            } catch (IOException e) {
                client.close();
                throw new SearchEngineUnavailableException(endpoint.url(), SearchEngineProbe.describe(e), e);
            }
        }
        return client;
    }

    /** Closing is left to the Rest5Client bean, which this client shares. */
    @Bean(destroyMethod = "")
    ElasticsearchClient elasticsearchClient(Rest5Client searchRestClient) {
        return new ElasticsearchClient(new Rest5ClientTransport(searchRestClient, new JacksonJsonpMapper()));
    }
}
