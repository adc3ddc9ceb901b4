package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append that returned must survive kill -9 of the process running the embedded server. Without the durability
 * hook the server writes its file about once a second and loses the last acknowledged events.
 */
class KillDashNineDurabilityTest {

    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 300;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedEventIsThereAfterKillDashNine() throws Exception {
        List<Long> acknowledgedSequences = new ArrayList<>();
        List<Long> acknowledgedIndexes = new ArrayList<>();
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DurabilityProbe.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledgedSequences.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledgedSequences.add(Long.parseLong(parts[1]));
                    acknowledgedIndexes.add(Long.parseLong(parts[2]));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final store commit
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledgedSequences).hasSize(ACKNOWLEDGEMENTS_BEFORE_KILL);

        try (EmbeddedStore reopened = new EmbeddedStore(dataDir)) {
            MongoLookupEventStorageEngine engine = reopened.engine();
            List<Long> stored = engine.readEvents(DurabilityProbe.AGGREGATE).asStream()
                    .map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(stored).containsAll(acknowledgedSequences);

            List<Long> trackedIndexes = engine.readEvents(null, false)
                    .map(TrackedEventMessage::trackingToken)
                    .map(token -> token.position().orElseThrow())
                    .toList();
            assertThat(trackedIndexes).containsAll(acknowledgedIndexes);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
