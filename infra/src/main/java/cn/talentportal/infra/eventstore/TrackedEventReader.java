package cn.talentportal.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Reads the global stream in batches for tracking processors, by exact {@code _id} lookups only.
 * <p>
 * A batch asks for the token's gaps ({@code _id $in [...]}) plus the next {@code batchSize} indexes up to the last
 * allocated one ({@code _id} range); the embedded server answers both from its unique {@code _id} index. An index that is allocated but not written yet becomes a gap of the
 * {@link GapAwareTrackingToken} and is asked for again by later batches. A gap is given up when the event following
 * it is older than the gap timeout (its writer failed or died), and never kept further than {@code maxGapOffset}
 * behind the token.
 */
final class TrackedEventReader {

    private static final Comparator<StoredEvent> BY_GLOBAL_INDEX = Comparator.comparingLong(StoredEvent::globalIndex);
    private static final Bson TIMESTAMP_ONLY = Projections.include(EventFields.TIMESTAMP);
    /**
     * Gap ids per query. The embedded server checks each found document against the whole {@code $in} list, one
     * value after the other, so a list of n ids costs n^2/2 comparisons: several short lists beat one long one.
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

    /**
     * What one read found: the events, each with the token that includes it, and whether indexes were allocated
     * beyond the window read (the reader is behind the head, however many events the window held).
     */
    record Window(List<TrackedEventData<?>> events, boolean moreAllocated) {
    }

    /** The events after {@code lastToken} (null: from the start), each with the token that includes it. */
    List<TrackedEventData<?>> nextBatch(TrackingToken lastToken, int batchSize) {
        return read(lastToken, batchSize).events();
    }

    /** As {@link #nextBatch}, telling also whether more indexes were allocated after the window it read. */
    Window read(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = asGapAware(lastToken);
        long lastAllocated = sequence.lastAllocated();
        if (token.hasGaps()) {
            token = withTimedOutGapsRemoved(token);
        }
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.isEmpty() && token.getIndex() >= lastAllocated) {
            return new Window(List.of(), false);
        }

        List<StoredEvent> found = List.of();
        long windowStart = token.getIndex() + 1;
        boolean firstWindow = true;
        while (found.isEmpty() && (firstWindow || windowStart <= lastAllocated)) {
            long windowEnd = Math.min(windowStart + batchSize - 1, lastAllocated);
            found = findByIndexes(firstWindow ? gaps : Collections.emptySortedSet(), windowStart, windowEnd);
            // A whole window of allocated but unwritten indexes (a writer that died with a large batch) must not
            // stall the reader: look further; what is skipped becomes gaps of the next token.
            windowStart = windowEnd + 1;
            firstWindow = false;
        }
        return new Window(withTokens(token, found), windowStart <= lastAllocated);
    }

    /**
     * The stored events among the gaps and the indexes {@code from..to}: the gaps by {@code _id $in}, the window as one
     * range on {@code _id} (an index scan on MongoDB, and on the embedded server since decision 0032: no per-id probe,
     * no re-check of every document against a long {@code $in} list).
     */
    private List<StoredEvent> findByIndexes(SortedSet<Long> gaps, long from, long to) {
        List<StoredEvent> found = new ArrayList<>(gaps.size() + (int) Math.max(0, to - from + 1));
        List<Long> gapIds = List.copyOf(gaps);
        for (int chunk = 0; chunk < gapIds.size(); chunk += IDS_PER_QUERY) {
            events.find(Filters.in(EventFields.ID, gapIds.subList(chunk, Math.min(chunk + IDS_PER_QUERY, gapIds.size()))))
                    .into(found);
        }
        if (from <= to) {
            int window = (int) Math.min(Integer.MAX_VALUE, to - from + 1);
            events.find(idsBetween(from, to)).batchSize(window).into(found);
        }
        found.sort(BY_GLOBAL_INDEX);
        return found;
    }

    /** {@code {_id: {$gte: from, $lte: to}}}, one condition (driver's {@code Filters.and} would send two). */
    static Bson idsBetween(long from, long to) {
        return new Document(EventFields.ID, new Document("$gte", from).append("$lte", to));
    }

    private List<TrackedEventData<?>> withTokens(GapAwareTrackingToken token, List<StoredEvent> found) {
        List<TrackedEventData<?>> batch = new ArrayList<>(found.size());
        long gapTimeoutFrame = gapTimeoutFrame();
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
