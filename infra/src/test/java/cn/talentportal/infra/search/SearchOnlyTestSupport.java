package cn.talentportal.infra.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the search engine's configuration alone (the embedded node in a child JVM) for tests in other packages. */
public final class SearchOnlyTestSupport {

    private SearchOnlyTestSupport() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
        return new SpringApplicationBuilder(SearchOnlyTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("talent.data-dir=" + dataDir)
                .properties(properties)
                .run();
    }

    /** The embedded node's port. */
    public static int embeddedPort(ConfigurableApplicationContext context) {
        return context.getBean(SearchEngineEndpoint.class).url().getPort();
    }

    /** A client as the portal builds it for the embedded node (compatibility mode), to another address. */
    public static ElasticsearchClient embeddedClient(URI url) {
        Rest5Client rest = Rest5Client.builder(url).setHttpClientConfigCallback(OpenSearchCompatibility::apply).build();
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
    }
}
