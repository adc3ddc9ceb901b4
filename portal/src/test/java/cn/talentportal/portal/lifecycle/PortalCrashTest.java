package cn.talentportal.portal.lifecycle;

import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 the portal on its embedded default while it acknowledges commands, start it again on the same data, and
 * find every acknowledged command's events in the store and, once the processors catch up, in the read models.
 */
class PortalCrashTest {

    static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 200;

    @TempDir
    Path dataDir;

    @Test
    void no_acknowledged_command_is_lost_on_kill_9() throws Exception {
        PortalProcess.Child portal = PortalProcess.startChild(CrashDriver.class.getName(), List.of(
                "--talent.data-dir=" + dataDir, "--server.port=0", "--talent.demo.enabled=false",
                "--logging.level.root=WARN"));
        List<String> acknowledged;
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (acks(portal).size() < ACKNOWLEDGEMENTS_BEFORE_KILL) {
                assertThat(portal.process().isAlive()).as("driver alive; output:\n" + portal.text()).isTrue();
                assertThat(Instant.now()).as("acknowledgements in time").isBefore(deadline);
                Thread.sleep(20);
            }
        } finally {
            portal.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            portal.process().waitFor(30, TimeUnit.SECONDS);
        }
        acknowledged = acks(portal);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);

        try (ConfigurableApplicationContext restarted = PortalProcess.startInThisJvm(dataDir,
                "--talent.demo.enabled=false")) {
            EventStore store = restarted.getBean(EventStore.class);
            assertThat(acknowledged).as("acknowledged registrations in the event store").allSatisfy(candidateId ->
                    assertThat(store.readEvents(candidateId).asStream().count()).as(candidateId).isEqualTo(1));
            QueryGateway queries = restarted.getBean(QueryGateway.class);
            String last = acknowledged.getLast();
            eventually(() -> queries.query(new FindCandidates(last, 1),
                    ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join(), r -> r.size() == 1,
                    "the last acknowledged candidate in the directory");
            for (String candidateId : acknowledged) {
                assertThat(queries.query(new FindCandidates(candidateId, 1),
                        ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join())
                        .as("read model has " + candidateId).hasSize(1);
            }
        }
    }

    private static List<String> acks(PortalProcess.Child portal) {
        return portal.output().stream().filter(line -> line.startsWith("ACK ")).map(line -> line.substring(4))
                .toList();
    }
}
