package cn.talentportal.infra.search;

import java.util.regex.Pattern;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Lets the Elasticsearch Java client talk to the embedded OpenSearch node, on the low-level HTTP client:
 * <ul>
 * <li>requests: the client's {@code application/vnd.elasticsearch+json; compatible-with=9} media types become
 * plain {@code application/json} (and {@code x-ndjson}), which OpenSearch accepts (it answers 406 otherwise);</li>
 * <li>responses: {@code X-Elastic-Product: Elasticsearch} is added where missing, or the client refuses them.</li>
 * </ul>
 * Only for the embedded engine: against real Elasticsearch the client runs stock.
 */
final class OpenSearchCompatibility {

    static final String PRODUCT_HEADER = "X-Elastic-Product";
    private static final Pattern VENDOR_MEDIA_TYPE =
            Pattern.compile("application/vnd\\.elasticsearch\\+([\\w-]+)\\s*(;\\s*compatible-with\\s*=\\s*\\d+)?");

    private OpenSearchCompatibility() {
    }

    static void apply(HttpAsyncClientBuilder httpClient) {
        httpClient.addRequestInterceptorLast((request, entity, context) -> {
            replaceVendorMediaType(request, HttpHeaders.CONTENT_TYPE);
            replaceVendorMediaType(request, HttpHeaders.ACCEPT);
        });
        httpClient.addResponseInterceptorLast((response, entity, context) -> addProductHeader(response));
    }

    static String plainMediaType(String value) {
        return VENDOR_MEDIA_TYPE.matcher(value).replaceAll("application/$1");
    }

    private static void replaceVendorMediaType(HttpRequest request, String name) {
        for (Header header : request.getHeaders(name)) {
            String plain = plainMediaType(header.getValue());
            if (!plain.equals(header.getValue())) {
                request.setHeader(name, plain);
            }
        }
    }

    private static void addProductHeader(HttpResponse response) {
        if (!response.containsHeader(PRODUCT_HEADER)) {
            response.addHeader(PRODUCT_HEADER, "Elasticsearch");
        }
    }
}
