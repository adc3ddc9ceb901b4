package cn.talentportal.infra.search;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.RequestConfig;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

/**
 * Asks the engine {@code GET /}, which Elasticsearch and OpenSearch both answer alike (unlike the typed
 * info() or health APIs), through the low-level client with short timeouts.
 */
final class SearchEngineProbe {

    private SearchEngineProbe() {
    }

    /** @return the HTTP status of {@code GET /}, any status below 300 */
    static int check(Rest5Client client, Duration timeout) throws IOException {
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .setConnectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .setResponseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        Request request = new Request("GET", "/");
        request.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(config));
        Response response = client.performRequest(request);
        return response.getStatusCode();
    }

    /** A short reason for a failed probe, fit for a startup message or a health detail. */
    static String describe(IOException failure) {
        if (failure instanceof ResponseException responseException) {
            int status = responseException.getResponse().getStatusCode();
            if (status == 401 || status == 403) {
                return "it rejected the credentials (HTTP " + status + ")";
            }
            return "it answered HTTP " + status;
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
