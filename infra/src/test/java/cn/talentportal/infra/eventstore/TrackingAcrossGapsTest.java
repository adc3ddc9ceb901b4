package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers allocate global indexes first and insert afterwards, so a reader can see index 3 before index 2 exists.
 * These tests write raw events out of order, the way two concurrent or failing writers would leave them.
 */
class TrackingAcrossGapsTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMillis(400);

    @TempDir
    Path dataDir;
    EmbeddedStore store;
    GlobalIndexSequence sequence;
    TrackedEventReader reader;

    @BeforeEach
    void start() {
        store = new EmbeddedStore(dataDir);
        store.engine(); // creates the indexes and the counter
        sequence = store.sequence();
        reader = store.trackedReader(GAP_TIMEOUT);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void anEventWrittenLateIsDeliveredLaterAsAFilledGap() {
        long first = sequence.allocate(3);
        write(first, System.currentTimeMillis());
        write(first + 2, System.currentTimeMillis()); // the writer of first + 1 is still busy

        List<TrackedEventData<?>> batch = reader.nextBatch(null, 100);
        assertThat(batch).extracting(this::globalIndex).containsExactly(first, first + 2);
        GapAwareTrackingToken token = lastToken(batch);
        assertThat(token.getIndex()).isEqualTo(first + 2);
        assertThat(token.getGaps()).containsExactly(first + 1);
        assertThat(reader.nextBatch(token, 100)).isEmpty();

        write(first + 1, System.currentTimeMillis());
        List<TrackedEventData<?>> late = reader.nextBatch(token, 100);

        assertThat(late).extracting(this::globalIndex).containsExactly(first + 1);
        assertThat(lastToken(late).getGaps()).isEmpty();
        assertThat(lastToken(late).getIndex()).isEqualTo(first + 2);
    }

    @Test
    void anIndexThatIsNeverWrittenIsGivenUpAfterTheGapTimeout() throws InterruptedException {
        long first = sequence.allocate(3);
        write(first, System.currentTimeMillis());
        // first + 1 was allocated by a writer that crashed
        write(first + 2, System.currentTimeMillis());

        GapAwareTrackingToken token = lastToken(reader.nextBatch(null, 100));
        assertThat(token.getGaps()).containsExactly(first + 1);

        Thread.sleep(GAP_TIMEOUT.toMillis() + 200);
        long next = sequence.allocate(1);
        write(next, System.currentTimeMillis());
        List<TrackedEventData<?>> batch = reader.nextBatch(token, 100);

        assertThat(batch).extracting(this::globalIndex).containsExactly(next);
        assertThat(lastToken(batch).getGaps()).isEmpty();
    }

    @Test
    void aWholeBatchOfMissingIndexesDoesNotStallTheReader() {
        sequence.allocate(250); // a writer died holding 250 indexes
        long after = sequence.allocate(1);
        write(after, System.currentTimeMillis());

        List<TrackedEventData<?>> batch = reader.nextBatch(null, 100);

        assertThat(batch).extracting(this::globalIndex).containsExactly(after);
        assertThat(lastToken(batch).getGaps()).hasSize(250);
    }

    /** Holes make a window hold fewer events than its size; the reader must still say it is behind the head. */
    @Test
    void aReadSaysWhetherIndexesWereAllocatedBeyondItsWindow() {
        long first = sequence.allocate(10);
        for (long index = first; index < first + 10; index++) {
            if (index != first + 2 && index != first + 3) { // a failed append left two holes
                write(index, System.currentTimeMillis());
            }
        }

        TrackedEventReader.Window behind = reader.read(null, 5);
        assertThat(behind.events()).extracting(this::globalIndex).containsExactly(first, first + 1, first + 4);
        assertThat(behind.moreAllocated()).as("indexes after the window").isTrue();

        TrackedEventReader.Window atHead = reader.read(lastToken(behind.events()), 5);
        assertThat(atHead.events()).extracting(this::globalIndex)
                .containsExactly(first + 5, first + 6, first + 7, first + 8, first + 9);
        assertThat(atHead.moreAllocated()).as("the window reached the last allocated index").isFalse();
        assertThat(reader.read(lastToken(atHead.events()), 5).moreAllocated()).isFalse();
    }

    @Test
    void oldEventsLeaveNoGapsInTheToken() {
        long first = sequence.allocate(3);
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        write(first, anHourAgo);
        write(first + 2, anHourAgo);

        List<TrackedEventData<?>> batch = reader.nextBatch(null, 100);

        assertThat(batch).hasSize(2);
        assertThat(lastToken(batch).getGaps()).isEmpty();
    }

    /**
     * The window of a batch is read as an {@code _id} range and the gaps by {@code $in} (decision 0032): with indexes
     * written in random order and with holes, batch after batch delivers exactly what per-index lookups find, in
     * index order within each window, holes as gaps, and late writes into those gaps once.
     */
    @Test
    void rangeReadsDeliverWhatLookupsOfEachIndexFind() {
        java.util.Random random = new java.util.Random(32);
        long first = sequence.allocate(1_234);
        long last = first + 1_233;
        List<Long> written = new java.util.ArrayList<>();
        java.util.SortedSet<Long> missing = new java.util.TreeSet<>();
        for (long index = first; index <= last; index++) {
            (random.nextInt(10) < 8 || index == last ? written : missing).add(index);
        }
        java.util.Collections.shuffle(written, random);
        written.forEach(index -> write(index, System.currentTimeMillis()));
        // a gap timeout this test cannot outlast, however slow the machine
        TrackedEventReader reader = store.trackedReader(Duration.ofHours(1));

        GapAwareTrackingToken token = null;
        List<Long> delivered = new java.util.ArrayList<>();
        for (List<TrackedEventData<?>> batch = reader.nextBatch(null, 100); !batch.isEmpty();
             batch = reader.nextBatch(token, 100)) {
            long windowStart = token == null ? first : token.getIndex() + 1;
            List<Long> indexes = batch.stream().map(this::globalIndex).toList();
            assertThat(indexes).as("a batch reads one window, in order").isSorted()
                    .isEqualTo(storedAmong(windowStart, windowStart + 99));
            delivered.addAll(indexes);
            token = lastToken(batch);
        }
        assertThat(delivered).containsExactlyElementsOf(written.stream().sorted().toList());
        assertThat(token.getIndex()).isEqualTo(last);
        assertThat(token.getGaps()).containsExactlyElementsOf(missing);

        List<Long> late = missing.stream().filter(index -> random.nextBoolean()).toList();
        late.forEach(index -> write(index, System.currentTimeMillis()));
        List<TrackedEventData<?>> filled = reader.nextBatch(token, 100);
        assertThat(filled).extracting(this::globalIndex).containsExactlyElementsOf(late);
        GapAwareTrackingToken afterLate = lastToken(filled);
        assertThat(afterLate.getIndex()).isEqualTo(last);
        assertThat(afterLate.getGaps()).containsExactlyElementsOf(
                missing.stream().filter(index -> !late.contains(index)).toList());
        assertThat(reader.nextBatch(afterLate, 100)).isEmpty();
    }

    /** The indexes stored from {@code from} to {@code to}, each looked up by itself. */
    private List<Long> storedAmong(long from, long to) {
        List<Long> stored = new java.util.ArrayList<>();
        for (long index = from; index <= to; index++) {
            if (store.events().find(com.mongodb.client.model.Filters.eq("_id", index)).first() != null) {
                stored.add(index);
            }
        }
        return stored;
    }

    private void write(long globalIndex, long timestampMillis) {
        String aggregate = "candidate-" + UUID.randomUUID();
        store.events().insertOne(new StoredEvent(globalIndex, aggregate, 0, "Candidate", "event-" + globalIndex,
                timestampMillis, String.class.getName(), null, "\"event " + globalIndex + "\"", "{}"));
    }

    private long globalIndex(TrackedEventData<?> data) {
        return Long.parseLong(data.getEventIdentifier().substring("event-".length()));
    }

    private static GapAwareTrackingToken lastToken(List<TrackedEventData<?>> batch) {
        TrackingToken token = batch.get(batch.size() - 1).trackingToken();
        return (GapAwareTrackingToken) token;
    }
}
