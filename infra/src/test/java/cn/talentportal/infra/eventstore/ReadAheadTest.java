package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tracked stream read batch after batch, the next one read ahead while a processor is behind. A stand-in store. */
class ReadAheadTest {

    private static final int BATCH = 3;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    /** The first index asked for by each read, and the thread that read it. */
    private final List<Long> readsFrom = new CopyOnWriteArrayList<>();
    private final List<String> readThreads = new CopyOnWriteArrayList<>();
    private final String caller = Thread.currentThread().getName();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void deliversEveryEventOnceInOrderAcrossBatches() {
        Stream<TrackedEventData<?>> stream = TrackedBatches.stream(null, BATCH, new ReadAhead<>(storeOf(8), executor));

        assertThat(stream.map(ReadAheadTest::globalIndex)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        // 1-3 and 4-6 are full: each is followed by a read ahead. 7-8 is not: it reached the head, nothing is read
        // ahead and the stream ends with it.
        assertThat(readsFrom).containsExactly(1L, 4L, 7L);
    }

    @Test
    void readsTheBatchAfterAFullOneOnAnotherThreadBeforeItIsAskedFor() throws Exception {
        CountDownLatch twoReads = new CountDownLatch(2);
        var store = storeOf(6);
        ReadAhead<TrackedEventData<?>> readAhead = new ReadAhead<>((token, size) -> {
            try {
                return store.read(token, size);
            } finally {
                twoReads.countDown();
            }
        }, executor);

        var first = readAhead.read(null, BATCH);

        assertThat(first.items()).extracting(ReadAheadTest::globalIndex).containsExactly(1L, 2L, 3L);
        assertThat(twoReads.await(5, TimeUnit.SECONDS)).as("batch 4-6 read while 1-3 is handled").isTrue();
        assertThat(readThreads).hasSize(2);
        assertThat(readThreads.get(0)).isEqualTo(caller);
        assertThat(readThreads.get(1)).isNotEqualTo(caller);
        assertThat(readAhead.read(first.lastToken(), BATCH).items()).extracting(ReadAheadTest::globalIndex)
                .containsExactly(4L, 5L, 6L);
        assertThat(readsFrom).as("the batch read ahead is the one taken, not read again").startsWith(1L, 4L)
                .doesNotHaveDuplicates();
    }

    @Test
    void aStreamAtTheHeadEndsEmptyAfterOneRead() {
        TrackingToken atEight = GapAwareTrackingToken.newInstance(8, Collections.emptySortedSet());

        Stream<TrackedEventData<?>> stream = TrackedBatches.stream(atEight, BATCH, new ReadAhead<>(storeOf(8), executor));

        assertThat(stream).isEmpty();
        assertThat(readsFrom).containsExactly(9L);
    }

    @Test
    void aCaughtUpReaderReadsNothingAhead() {
        TrackingToken atSix = GapAwareTrackingToken.newInstance(6, Collections.emptySortedSet());

        Stream<TrackedEventData<?>> stream = TrackedBatches.stream(atSix, BATCH, new ReadAhead<>(storeOf(8), executor));

        assertThat(stream.map(ReadAheadTest::globalIndex)).containsExactly(7L, 8L);
        assertThat(readThreads).containsOnly(caller);
        assertThat(readsFrom).containsExactly(7L);
    }

    @Test
    void aFailedReadAheadFailsTheStreamWithTheStoresOwnException() {
        var store = storeOf(6);
        Stream<TrackedEventData<?>> stream = TrackedBatches.stream(null, BATCH, new ReadAhead<>((token, size) -> {
            if (token != null) {
                throw new IllegalStateException("store unreachable");
            }
            return store.read(token, size);
        }, executor));

        assertThatThrownBy(() -> stream.forEach(event -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("store unreachable");
    }

    @Test
    void aStreamKeptAfterReachingTheHeadGoesOnWhenEventsArrive() {
        List<Integer> storeSize = new CopyOnWriteArrayList<>(List.of(4));
        TrackedBatches.Reader<TrackedEventData<?>> growing = (token, size) -> storeOf(storeSize.get(0)).read(token, size);
        var items = TrackedBatches.stream(null, BATCH, new ReadAhead<>(growing, executor)).iterator();
        List<Long> seen = new ArrayList<>();
        items.forEachRemaining(event -> seen.add(globalIndex(event)));
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L);

        assertThat(items.hasNext()).as("asked again with nothing new").isFalse();
        storeSize.set(0, 6);

        items.forEachRemaining(event -> seen.add(globalIndex(event)));
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aFailedReadAheadIsNotKeptForARetryFromTheSameToken() {
        var store = storeOf(9);
        List<Boolean> failedOnce = new CopyOnWriteArrayList<>();
        ReadAhead<TrackedEventData<?>> readAhead = new ReadAhead<>((token, size) -> {
            if (token != null && failedOnce.isEmpty()) {
                failedOnce.add(true);
                throw new IllegalStateException("store unreachable");
            }
            return store.read(token, size);
        }, executor);
        var first = readAhead.read(null, BATCH);

        assertThatThrownBy(() -> readAhead.read(first.lastToken(), BATCH)).hasMessage("store unreachable");
        assertThat(readAhead.read(first.lastToken(), BATCH).items()).extracting(ReadAheadTest::globalIndex)
                .containsExactly(4L, 5L, 6L);
    }

    @Test
    void aReadForAnotherTokenThanTheOneReadAheadReadsAfresh() {
        ReadAhead<TrackedEventData<?>> readAhead = new ReadAhead<>(storeOf(9), executor);
        readAhead.read(null, BATCH);

        var fromTwo = readAhead.read(GapAwareTrackingToken.newInstance(1, Collections.emptySortedSet()), BATCH);

        assertThat(fromTwo.items()).extracting(ReadAheadTest::globalIndex).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aClosedStreamDropsItsReadAhead() throws Exception {
        ReadAhead<TrackedEventData<?>> readAhead = new ReadAhead<>(storeOf(9), executor);
        var first = readAhead.read(null, BATCH);

        readAhead.close();
        readThreads.clear();
        var second = readAhead.read(first.lastToken(), BATCH);

        assertThat(second.items()).extracting(ReadAheadTest::globalIndex).containsExactly(4L, 5L, 6L);
        assertThat(readThreads.get(0)).as("read afresh on the caller's thread").isEqualTo(caller);
    }

    /** Events 1..size, each tracked with a gapless token at its own index. */
    private TrackedBatches.Reader<TrackedEventData<?>> storeOf(int size) {
        return (token, batchSize) -> {
            long after = token == null ? 0 : token.position().orElseThrow();
            readsFrom.add(after + 1);
            readThreads.add(Thread.currentThread().getName());
            List<TrackedEventData<?>> batch = new ArrayList<>();
            for (long index = after + 1; index <= Math.min(size, after + batchSize); index++) {
                batch.add(new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet()),
                        new StoredEvent(index, "a", index, "T", "e" + index, 0, "P", null, "{}", "{}")));
            }
            return new TrackedBatches.Batch<>(batch, batch.isEmpty() ? null : batch.get(batch.size() - 1).trackingToken(),
                    batch.size() >= batchSize);
        };
    }

    private static long globalIndex(TrackedEventData<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
