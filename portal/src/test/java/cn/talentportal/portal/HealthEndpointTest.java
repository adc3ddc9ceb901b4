package cn.talentportal.portal;

import cn.talentportal.portal.health.EventProcessorsHealthIndicator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import cn.talentportal.projections.search.OpeningSearchIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest extends PortalTestBase {

    @LocalServerPort int port;
    @Autowired Map<String, HealthIndicator> indicators;
    @Autowired EventProcessorsHealthIndicator processors;

    @Test
    void anyone_sees_whether_the_portal_is_up_but_not_its_insides() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body().replace(" ", "");
        assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("http://");
    }

    @Test
    void health_covers_the_store_the_search_engine_and_every_processor_with_its_lag() {
        assertThat(indicators).containsKeys("mongoHealthIndicator", "searchEngine");
        assertThat(indicators.get("mongoHealthIndicator").health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicators.get("searchEngine").health().getStatus()).isEqualTo(Status.UP);
        var details = processors.health().getDetails();
        for (String processor : new String[] {"openings", OpeningSearchIndex.PROCESSING_GROUP, "application-journeys", "employers",
                "candidates", "interviews", "retention-caseload", "drive-conversion", "office-statistics", "saved-searches", "job-alerts",
                "notifications"}) {
            assertThat(details).as(processor).containsKey(processor);
            Map<?, ?> status = (Map<?, ?>) details.get(processor);
            assertThat(status.get("running")).as(processor).isEqualTo(true);
            assertThat(status.get("error")).as(processor).isEqualTo(false);
            assertThat(status.get("lag")).as(processor).isInstanceOf(Long.class);
        }
        assertThat(details).containsKey("headPosition");
    }
}
