package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingProcessorReplayTest {

    private static final int EVENTS = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void processorHandlesEveryEventThenReplaysThemAllFlaggedAsReplayWithASmallToken() throws Exception {
        try (EmbeddedStore store = new EmbeddedStore(dataDir)) {
            MongoLookupEventStorageEngine engine = store.engine();
            appendEvents(engine);

            try (ProcessorRig rig = new ProcessorRig(store, engine, 1000)) {
                rig.start();
                rig.awaitCount(rig.handler.regular::get, EVENTS, Duration.ofSeconds(90));
                // A live event after the initial catch-up is handled too.
                engine.appendEvents(TestEvents.noted("candidate-live", 0));
                rig.awaitCount(rig.handler.regular::get, EVENTS + 1, Duration.ofSeconds(10));
                assertThat(rig.handler.replayed.get()).isZero();

                rig.replay();
                long largestToken = rig.awaitCount(rig.handler.replayed::get, EVENTS + 1, Duration.ofSeconds(90));

                assertThat(rig.handler.regular.get()).isEqualTo(EVENTS + 1);
                assertThat(rig.handler.replayed.get()).isEqualTo(EVENTS + 1);
                assertThat(largestToken).as("stored token bytes").isPositive().isLessThan(4096);

                // After the replay, new events are regular again.
                engine.appendEvents(TestEvents.noted("candidate-live", 1));
                rig.awaitCount(rig.handler.regular::get, EVENTS + 2, Duration.ofSeconds(10));
                assertThat(rig.handler.replayed.get()).isEqualTo(EVENTS + 1);
            }
        }
    }

    private static void appendEvents(MongoLookupEventStorageEngine engine) {
        for (int aggregate = 0; aggregate < EVENTS / 100; aggregate++) {
            List<EventMessage<?>> batch = new ArrayList<>(TestEvents.noted("candidate-" + aggregate, 0, 100));
            engine.appendEvents(batch);
        }
    }
}
