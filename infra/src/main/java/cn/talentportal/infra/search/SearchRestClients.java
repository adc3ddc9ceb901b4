package cn.talentportal.infra.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;

/** Builds the low-level REST client for the configured engine: stock for a cluster, compatible for the embedded node. */
final class SearchRestClients {

    private SearchRestClients() {
    }

    static Rest5Client create(SearchEngineEndpoint endpoint, SearchEngineProperties properties) {
        Rest5ClientBuilder builder = Rest5Client.builder(endpoint.url())
                .setConnectionManagerCallback(connections -> connections
                        .setMaxConnPerRoute(properties.maxConnections())
                        .setMaxConnTotal(properties.maxConnections()));
        if (endpoint.kind() == SearchEngineEndpoint.Kind.EMBEDDED) {
            builder.setHttpClientConfigCallback(OpenSearchCompatibility::apply);
        } else {
            builder.setDefaultHeaders(authenticationHeaders(properties).toArray(Header[]::new));
        }
        return builder.build();
    }

    private static List<Header> authenticationHeaders(SearchEngineProperties properties) {
        List<Header> headers = new ArrayList<>();
        if (hasText(properties.apiKey())) {
            headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + properties.apiKey()));
        } else if (hasText(properties.username())) {
            String credentials = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
            headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        }
        return headers;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
