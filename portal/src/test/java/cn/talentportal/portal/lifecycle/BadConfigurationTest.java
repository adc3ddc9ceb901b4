package cn.talentportal.portal.lifecycle;

import cn.talentportal.portal.PortalApplication;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A wrong setting stops the portal quickly with one clear message, not a wall of stack traces. */
class BadConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void an_unreachable_mongodb_uri_fails_fast_with_one_message() throws Exception {
        String output = failingStart(120, "--talent.mongo.uri=mongodb://127.0.0.1:9/talent");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("127.0.0.1:9").contains("talent.mongo.uri");
    }

    @Test
    void an_unreachable_search_url_fails_fast_with_one_message() throws Exception {
        String output = failingStart(120, "--talent.search.url=http://127.0.0.1:9");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("http://127.0.0.1:9")
                .contains("talent.search.url");
    }

    @Test
    void a_port_in_use_fails_fast_with_one_message() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String output = failingStart(180, "--server.port=" + taken.getLocalPort());
            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains(String.valueOf(taken.getLocalPort()));
        }
    }

    private String failingStart(int timeoutSeconds, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--talent.data-dir=" + dataDir, "--talent.demo.enabled=false",
                "--server.port=0"));
        all.addAll(List.of(arguments));
        PortalProcess.Child portal = PortalProcess.startChild(PortalApplication.class.getName(), all);
        boolean exited = portal.process().waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!exited) {
            portal.process().destroyForcibly();
        }
        String output = portal.text();
        assertThat(exited).as("the portal gave up by itself; output:\n" + output).isTrue();
        assertThat(portal.process().exitValue()).isNotZero();
        long stackFrames = output.lines().filter(line -> line.startsWith("\tat ")).count();
        assertThat(stackFrames).as("stack trace lines in the output:\n" + output).isZero();
        return output;
    }
}
