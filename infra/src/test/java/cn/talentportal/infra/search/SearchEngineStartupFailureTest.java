package cn.talentportal.infra.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A configured search URL that does not answer stops the portal quickly, with one clear message. */
@ExtendWith(OutputCaptureExtension.class)
class SearchEngineStartupFailureTest {

    @Test
    void anUnreachableSearchUrlFailsStartupWithinSecondsNamingTheUrlAndTheProperty(CapturedOutput output)
            throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        long started = System.nanoTime();

        assertThatThrownBy(() -> new SpringApplicationBuilder(SearchOnlyTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("talent.search.url=" + url)
                .run())
                .hasStackTraceContaining(SearchEngineUnavailableException.class.getName())
                .hasRootCauseInstanceOf(java.net.ConnectException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // Reported by the FailureAnalyzer registered in META-INF/spring.factories.
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The portal could not reach the search engine configured by talent.search.url (" + url + ")")
                .contains("Start that Elasticsearch/OpenSearch cluster or correct talent.search.url");
    }

    @Test
    void theAnalysisNamesTheUrlThePropertyAndTheWayBackToTheEmbeddedNode() {
        var failure = new SearchEngineUnavailableException(java.net.URI.create("https://search.example.cn:9200"),
                "it rejected the credentials (HTTP 401)", null);
        var analysis = new SearchEngineUnavailableFailureAnalyzer().analyze(new IllegalStateException("wrapped", failure));

        assertThat(analysis.getDescription()).contains("https://search.example.cn:9200").contains("talent.search.url")
                .contains("rejected the credentials (HTTP 401)");
        assertThat(analysis.getAction()).contains("leave talent.search.url empty");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
