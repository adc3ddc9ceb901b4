package cn.talentportal.portal.fuzz;

import cn.talentportal.portal.PortalTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP requests to the public openings API with hostile query parameters and path segments: each is answered
 * normally (200 with JSON) or refused with a 4xx, never with a server error.
 */
class PublicApiFuzzTest extends PortalTestBase {

    private static final long SEED = CommandFuzzTest.SEED;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 600);
    private static final List<String> SEARCH_PARAMETERS = List.of("q", "sector", "county", "employerType",
            "education", "category", "salary", "posted", "sort", "hometown", "cursor", "page", "size");
    private static final List<String> NUMBERS = List.of("-1", "0", "1", "2147483647", "2147483648",
            "-2147483649", "99999999999999999999", "1e3", "0x10", "NaN", " 5 ", "", "٣", "1.5", "+7");

    @LocalServerPort int port;

    @Test
    void hostile_query_parameters_get_an_answer_or_a_4xx_and_never_a_server_error() throws Exception {
        Random random = new Random(SEED + 10);
        HostileValues values = new HostileValues(random, Map.of());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < REQUESTS; i++) {
            String path = switch (i % 4) {
                case 0 -> "/api/public/openings/suggestions?" + query(random, values, List.of("q", "size"));
                case 1 -> "/api/public/openings/" + encode(values.hostileString().replace("\u0000", "x"))
                        + "/similar?" + query(random, values, List.of("size"));
                default -> "/api/public/openings?" + query(random, values, SEARCH_PARAMETERS);
            };
            URI uri;
            try {
                uri = URI.create("http://localhost:" + port + path);
            } catch (IllegalArgumentException notAUri) {
                continue; // the client cannot even send it
            }
            HttpResponse<String> response = send(http, uri, random.nextBoolean() ? "en" : "zh-CN");
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String what = Outcomes.describe(path);
            if (response.statusCode() >= 500) {
                outcomes.failed(response.statusCode() + " " + abbreviate(response.body()), what);
            } else if (response.statusCode() == 200 && !response.body().startsWith("{")) {
                outcomes.failed("200 without JSON", what);
            } else if (response.statusCode() == 200) {
                outcomes.success();
            } else {
                outcomes.refusedAs(String.valueOf(response.statusCode())); // a 4xx, or 3xx to sign in for odd paths
            }
        }
        System.out.println("Public API fuzzing: statuses " + statuses);
        System.out.println(outcomes.summary("Public API", SEED + 10));
        assertThat(outcomes.total()).isGreaterThanOrEqualTo(REQUESTS * 9 / 10);
        assertThat(outcomes.failures()).as(outcomes.summary("Public API", SEED + 10)).isEmpty();
    }

    private static HttpResponse<String> send(HttpClient http, URI uri, String language)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Some of the parameters, each once or repeated, hostile text or a strange number. */
    private static String query(Random random, HostileValues values, List<String> parameters) {
        StringJoiner query = new StringJoiner("&");
        for (String name : parameters) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            int repeats = random.nextInt(8) == 0 ? 3 : 1;
            for (int r = 0; r < repeats; r++) {
                String value = random.nextBoolean() ? NUMBERS.get(random.nextInt(NUMBERS.size()))
                        : values.hostileString();
                if (value.length() > 4_000 && random.nextInt(10) != 0) {
                    // mostly shortened, so the search itself meets long texts; a whole one meets the URL limit
                    value = value.substring(0, 4_000);
                }
                query.add(encode(name) + "=" + encode(value));
            }
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
