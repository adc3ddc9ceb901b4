package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1,000-event aggregate whose events are spread through a 100,000-event store loads completely and in order by
 * key lookups (how fast is the benchmark's business), and its last sequence number is found.
 */
class LargeStoreAggregateLoadTest {

    private static final int STORE_SIZE = 100_000;
    private static final int AGGREGATE_SIZE = 1_000;
    private static final String AGGREGATE = "candidate-long-history";

    @TempDir
    Path dataDir;

    @Test
    void longAggregateInALargeStoreLoadsCompletelyAndInOrder() {
        try (EmbeddedStore store = new EmbeddedStore(dataDir)) {
            MongoLookupEventStorageEngine engine = store.engine();
            seed(store);

            List<Long> loaded = engine.readEvents(AGGREGATE).asStream()
                    .map(DomainEventMessage::getSequenceNumber).toList();

            assertThat(loaded).containsExactlyElementsOf(LongStream.range(0, AGGREGATE_SIZE).boxed().toList());
            assertThat(engine.readEvents(AGGREGATE, 990).asStream()).hasSize(10);
            assertThat(engine.lastSequenceNumberFor(AGGREGATE)).contains(AGGREGATE_SIZE - 1L);
            assertThat(engine.lastSequenceNumberFor("candidate-7")).contains(0L);
        }
    }

    /** Raw inserts of the engine's own document format, the long aggregate's events interleaved with others. */
    private static void seed(EmbeddedStore store) {
        var events = store.events();
        long first = store.sequence().allocate(STORE_SIZE);
        int spacing = STORE_SIZE / AGGREGATE_SIZE;
        long aggregateSequence = 0;
        List<StoredEvent> batch = new ArrayList<>(10_000);
        long now = System.currentTimeMillis();
        for (int i = 0; i < STORE_SIZE; i++) {
            boolean ours = i % spacing == spacing / 2;
            String aggregate = ours ? AGGREGATE : "candidate-" + i;
            long sequence = ours ? aggregateSequence++ : 0;
            batch.add(new StoredEvent(first + i, aggregate, sequence, "Candidate", "event-" + i, now,
                    TestEvents.CandidateNoted.class.getName(), "1",
                    "{\"candidateId\":\"" + aggregate + "\",\"note\":\"n" + sequence + "\",\"notedAt\":null}", "{}"));
            if (batch.size() == 10_000) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        assertThat(aggregateSequence).isEqualTo(AGGREGATE_SIZE);
    }
}
