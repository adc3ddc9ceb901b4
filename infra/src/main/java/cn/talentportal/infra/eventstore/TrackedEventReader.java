package cn.talentportal.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads the global stream in batches for tracking processors, by exact {@code _id} lookups only.
 * <p>
 * A batch asks for the token's gaps plus the next {@code batchSize} indexes up to the last allocated one, as one
 * {@code _id $in [...]} query (the embedded server answers that from its unique {@code _id} index; a range query
 * would scan the collection). An index that is allocated but not written yet becomes a gap of the
 * {@link GapAwareTrackingToken} and is asked for again by later batches. A gap is given up when the event following
 * it is older than the gap timeout (its writer failed or died), and never kept further than {@code maxGapOffset}
 * behind the token.
 */
final class TrackedEventReader {

    private static final Comparator<StoredEvent> BY_GLOBAL_INDEX = Comparator.comparingLong(StoredEvent::globalIndex);
    private static final Bson TIMESTAMP_ONLY = Projections.include(EventFields.TIMESTAMP);
    /**
     * Ids per query. The embedded server checks each found document against the whole {@code $in} list, one value
     * after the other, so a list of n ids costs n^2/2 comparisons: several short lists beat one long one.
     */
    static final int IDS_PER_QUERY = 250;

    private final MongoCollection<StoredEvent> events;
    private final GlobalIndexSequence sequence;
    private final Duration gapTimeout;
    private final int maxGapOffset;

    TrackedEventReader(MongoCollection<StoredEvent> events, GlobalIndexSequence sequence, Duration gapTimeout,
                       int maxGapOffset) {
        this.events = events;
        this.sequence = sequence;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
    }

    static GapAwareTrackingToken startOfStream() {
        return GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet());
    }

    /** The events after {@code lastToken} (null: from the start), each with the token that includes it. */
    List<TrackedEventData<?>> nextBatch(TrackingToken lastToken, int batchSize) {
        return nextBatch(lastToken, batchSize, null);
    }

    /**
     * A reading position that fetches the window after each batch on {@code prefetcher} while the caller handles
     * the batch: the server looks up the next ids while the processor deserializes and handles the current ones.
     * Without a prefetcher (null) every lookup runs on the reading thread.
     */
    Cursor cursor(int batchSize, Executor prefetcher) {
        return new Cursor(batchSize, prefetcher);
    }

    final class Cursor implements AutoCloseable {

        private final int batchSize;
        private final Executor prefetcher;
        private Prefetch prefetch;

        private Cursor(int batchSize, Executor prefetcher) {
            this.batchSize = batchSize;
            this.prefetcher = prefetcher;
        }

        List<TrackedEventData<?>> next(TrackingToken lastToken) {
            Prefetch ready = prefetch;
            prefetch = null;
            return nextBatch(lastToken, batchSize, new Prefetching(ready, this));
        }

        /** Drops a pending prefetch (its query finishes on the prefetch thread, its result is discarded). */
        @Override
        public void close() {
            if (prefetch != null) {
                prefetch.result.cancel(false);
                prefetch = null;
            }
        }
    }

    /** What the previous batch prefetched, and where to leave the next prefetch. */
    private record Prefetching(Prefetch ready, Cursor cursor) {
    }

    /** The lookup of the ids {@code from..to}, under way or done. */
    private record Prefetch(long from, long to, CompletableFuture<Window> result) {
    }

    /** Found events of one lookup and when the lookup started (the reference for the gap timeout). */
    private record Window(List<StoredEvent> events, long startedAtMillis) {
    }

    private List<TrackedEventData<?>> nextBatch(TrackingToken lastToken, int batchSize, Prefetching prefetching) {
        GapAwareTrackingToken token = asGapAware(lastToken);
        long lastAllocated = sequence.lastAllocated();
        if (token.hasGaps()) {
            token = withTimedOutGapsRemoved(token);
        }
        SortedSet<Long> gaps = token.getGaps();
        Prefetch ready = prefetching == null ? null : prefetching.ready();
        if (gaps.isEmpty() && token.getIndex() >= lastAllocated) {
            discard(ready);
            return List.of();
        }

        long startedAt = GenericEventMessage.clock.millis();
        List<StoredEvent> found = new ArrayList<>();
        if (!gaps.isEmpty()) {
            found.addAll(findByIds(new ArrayList<>(gaps)));
        }
        long windowStart = token.getIndex() + 1;
        long windowEnd = token.getIndex();
        boolean windowRead = false;
        if (ready != null && ready.from() == windowStart) {
            Window window = await(ready);
            found.addAll(window.events());
            startedAt = Math.min(startedAt, window.startedAtMillis());
            windowEnd = ready.to();
            windowStart = windowEnd + 1;
            windowRead = true;
        } else {
            discard(ready);
        }
        // A whole window of allocated but unwritten indexes (a writer that died with a large batch) must not stall
        // the reader: look further; what is skipped becomes gaps of the next token.
        while (windowStart <= lastAllocated && (!windowRead || found.isEmpty())) {
            windowEnd = Math.min(windowStart + batchSize - 1, lastAllocated);
            Window window = findWindow(windowStart, windowEnd);
            found.addAll(window.events());
            windowStart = windowEnd + 1;
            windowRead = true;
        }
        if (prefetching != null && prefetching.cursor().prefetcher != null && windowEnd < lastAllocated) {
            long from = windowEnd + 1;
            long to = Math.min(windowEnd + batchSize, lastAllocated);
            prefetching.cursor().prefetch = new Prefetch(from, to,
                    CompletableFuture.supplyAsync(() -> findWindow(from, to), prefetching.cursor().prefetcher));
        }
        found.sort(BY_GLOBAL_INDEX);
        return withTokens(token, found, startedAt);
    }

    private static void discard(Prefetch prefetch) {
        if (prefetch != null) {
            prefetch.result().cancel(false);
        }
    }

    /** The prefetched window; should the prefetch have failed, the same lookup again here (and its error). */
    private Window await(Prefetch prefetch) {
        try {
            return prefetch.result().join();
        } catch (CompletionException | CancellationException e) {
            return findWindow(prefetch.from(), prefetch.to());
        }
    }

    private Window findWindow(long from, long to) {
        long startedAt = GenericEventMessage.clock.millis();
        List<Long> ids = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return new Window(findByIds(ids), startedAt);
    }

    private List<StoredEvent> findByIds(List<Long> ids) {
        List<StoredEvent> found = new ArrayList<>(ids.size());
        for (int chunk = 0; chunk < ids.size(); chunk += IDS_PER_QUERY) {
            events.find(Filters.in(EventFields.ID, ids.subList(chunk, Math.min(chunk + IDS_PER_QUERY, ids.size()))))
                    .into(found);
        }
        return found;
    }

    /**
     * @param lookedUpAt when the oldest lookup that found these events started: an id missing then and still
     *                   missing a gap timeout after a later event was written, is given up (checked against the
     *                   lookup's start, a prefetched window that waited is judged as of when it was read)
     */
    private List<TrackedEventData<?>> withTokens(GapAwareTrackingToken token, List<StoredEvent> found,
                                                 long lookedUpAt) {
        List<TrackedEventData<?>> batch = new ArrayList<>(found.size());
        long gapTimeoutFrame = lookedUpAt - gapTimeout.toMillis();
        for (StoredEvent event : found) {
            // As Axon's JDBC engine: below an event older than the gap timeout no gap is worth waiting for, which
            // also keeps the token small during a replay of old events.
            boolean allowGaps = event.timestampMillis() > gapTimeoutFrame;
            token = token.advanceTo(event.globalIndex(), allowGaps ? maxGapOffset : 0);
            batch.add(new TrackedDomainEventData<>(token, event));
        }
        return batch;
    }

    /**
     * Drops the gaps whose next existing event is older than the gap timeout: an index allocated before that event
     * was written and still missing long after it, belongs to a failed or crashed append.
     */
    GapAwareTrackingToken withTimedOutGapsRemoved(GapAwareTrackingToken token) {
        List<Long> followers = followersOfGapRuns(token.getGaps());
        Map<Long, Long> timestamps = new HashMap<>();
        for (StoredEvent follower : events.find(Filters.in(EventFields.ID, followers)).projection(TIMESTAMP_ONLY)) {
            timestamps.put(follower.globalIndex(), follower.timestampMillis());
        }
        long gapTimeoutFrame = gapTimeoutFrame();
        GapAwareTrackingToken cleaned = token;
        for (Long follower : followers) {
            Long timestamp = timestamps.get(follower);
            if (timestamp == null || timestamp > gapTimeoutFrame) {
                break;
            }
            cleaned = cleaned.withGapsTruncatedAt(follower);
        }
        return cleaned;
    }

    /** For each run of consecutive gaps, the index right after it (an event the token has seen, or its index). */
    private static List<Long> followersOfGapRuns(SortedSet<Long> gaps) {
        List<Long> followers = new ArrayList<>();
        Long previous = null;
        for (Long gap : gaps) {
            if (previous != null && gap != previous + 1) {
                followers.add(previous + 1);
            }
            previous = gap;
        }
        if (previous != null) {
            followers.add(previous + 1);
        }
        return followers;
    }

    private long gapTimeoutFrame() {
        return GenericEventMessage.clock.millis() - gapTimeout.toMillis();
    }

    private static GapAwareTrackingToken asGapAware(TrackingToken token) {
        if (token == null) {
            return startOfStream();
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Expected a GapAwareTrackingToken, got " + token);
    }
}
