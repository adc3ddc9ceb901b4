package cn.talentportal.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest extends PortalTestBase {

    @LocalServerPort int port;

    @Test
    void health_reports_the_store_the_search_engine_and_every_processor_with_its_lag() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body().replace(" ", "");
        assertThat(body).startsWith("{").contains("\"status\":\"UP\"");
        assertThat(body).contains("\"mongo\":{\"details\"").contains("\"searchEngine\":{")
                .contains("\"eventProcessors\":{");
        for (String processor : new String[] {"openings", "opening-search", "applications", "employers", "candidates"}) {
            assertThat(body).as(processor).containsPattern("\"" + processor + "\":\\{[^}]*\"lag\":\\d+");
        }
    }
}
