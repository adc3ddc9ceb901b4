package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.EventChainHash;
import cn.talentportal.infra.eventstore.EventFields;
import cn.talentportal.infra.eventstore.StoredEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the event store's hash chains (decision 0015): of some aggregates, or of the whole store, each time also
 * against the latest anchor (or a chosen one). Read-only; plain bean, safe to call from several threads.
 * <p>
 * The whole store is read in global-index order by {@code _id $in} windows of 250 ids (exact lookups on the embedded
 * server, bounded memory, the same on a replica set); each aggregate's chain is followed as its events come. An
 * aggregate whose chain does not simply continue is re-read by its stream keys and classified precisely
 * ({@link AggregateChainCheck}). Memory: one small state per aggregate.
 */
public class EventChainVerifier {

    /** Breaks listed in one report at most; the rest are counted. */
    public static final int MAX_BREAKS = 10_000;
    private static final Logger logger = LoggerFactory.getLogger(EventChainVerifier.class);
    static final int IDS_PER_QUERY = 250;
    private static final int KEYS_PER_AGGREGATE_QUERY = 100;
    /** Ids this far below the last allocated one that are missing are re-read at the end (appends in flight). */
    static final int IN_FLIGHT_WINDOW = 10_000;
    private static final String COUNTER_VALUE = "value";

    private final MongoCollection<ChainedEvent> events;
    private final MongoCollection<Document> counters;
    private final AnchorStore anchors;
    private final Clock clock;

    EventChainVerifier(MongoDatabase database, AnchorStore anchors, Clock clock) {
        this.events = ChainedEventCodec.withCodec(database)
                .getCollection(EventFields.EVENTS_COLLECTION, ChainedEvent.class);
        this.counters = database.getCollection(EventFields.SEQUENCE_COLLECTION);
        this.anchors = anchors;
        this.clock = clock;
    }

    /**
     * Verifies the chains of the given aggregates (read by their stream keys: a few lookups per aggregate, whatever
     * the size of the store), and their heads against the latest anchor.
     */
    public ChainVerificationReport verifyAggregates(Collection<String> aggregateIds) {
        Optional<ChainAnchor> anchor = latestAnchor();
        List<ChainBreak> breaks = new ArrayList<>();
        Map<String, ChainHeads.Head> heads = new HashMap<>();
        Map<String, ChainHeads.Head> headsAtAnchor = new HashMap<>();
        Set<String> scope = new LinkedHashSet<>(aggregateIds);
        Sealing sealing = new Sealing();
        long checked = 0;
        for (String aggregateId : scope) {
            List<ChainedEvent> stream = readAggregate(aggregateId);
            checked += stream.size();
            breaks.addAll(AggregateChainCheck.check(aggregateId, stream));
            for (ChainedEvent event : stream) {
                sealing.count(event);
                if (event.malformed() != null) {
                    continue;
                }
                putIfLater(heads, aggregateId, event);
                if (anchor.isPresent() && covers(anchor.get(), event.globalIndex())) {
                    putIfLater(headsAtAnchor, aggregateId, event);
                }
            }
        }
        anchor.ifPresent(a -> breaks.addAll(compareWithAnchor(a, headsAtAnchor, scope, breaks)));
        return report(breaks, checked, heads.values(), sealing, anchor.orElse(null));
    }

    /** Verifies every event of the store, and the store against the latest anchor. */
    public ChainVerificationReport verifyStore() {
        return verifyStore(VerificationProgress.NONE);
    }

    public ChainVerificationReport verifyStore(VerificationProgress progress) {
        return scan(latestAnchor().orElse(null), progress).report;
    }

    /** Verifies every event of the store, and the store against the given anchor (its number, from 1). */
    public ChainVerificationReport verifyStoreAsOf(long anchorNumber, VerificationProgress progress) {
        ChainAnchor anchor = anchors.byNumber(anchorNumber)
                .orElseThrow(() -> new IllegalArgumentException("No chain anchor " + anchorNumber));
        return scan(anchor, progress).report;
    }

    private Optional<ChainAnchor> latestAnchor() {
        return anchors.all().stream().findFirst();
    }

    /** Every document of the aggregate found by its stream keys, windows of 100 until one comes back empty. */
    private List<ChainedEvent> readAggregate(String aggregateId) {
        List<ChainedEvent> found = new ArrayList<>();
        for (long first = 0; ; first += KEYS_PER_AGGREGATE_QUERY) {
            List<String> keys = new ArrayList<>(KEYS_PER_AGGREGATE_QUERY);
            for (long sequence = first; sequence < first + KEYS_PER_AGGREGATE_QUERY; sequence++) {
                keys.add(StoredEvent.streamKey(aggregateId, sequence));
            }
            int before = found.size();
            events.find(Filters.in(EventFields.STREAM_KEY, keys)).into(found);
            if (found.size() == before) {
                return found;
            }
        }
    }

    /** What a whole-store scan found; {@code heads} are the chain heads up to {@code lastIndex}. */
    record StoreScan(ChainVerificationReport report, long lastIndex, List<Long> pendingIds,
                     Collection<ChainHeads.Head> heads) {
    }

    private static final class AggregateState {
        long nextSequence;
        String lastHash = EventChainHash.GENESIS;
        long maxSequence = -1;
        boolean suspect;
        List<Long> laterIds;
        long headSequence = -1;
        String headHash;
        long anchorSequence = -1;
        String anchorHash;
    }

    StoreScan scan(ChainAnchor anchor, VerificationProgress progress) {
        long lastIndex = lastAllocated();
        Map<String, AggregateState> states = new HashMap<>();
        List<ChainBreak> breaks = new ArrayList<>();
        Map<String, ChainHeads.Head> looseHeads = new HashMap<>();
        Map<String, ChainHeads.Head> looseAtAnchor = new HashMap<>();
        Sealing sealing = new Sealing();
        List<Long> recentMissing = new ArrayList<>();
        long[] checked = {0};
        ScanSink sink = event -> {
            checked[0]++;
            sealing.count(event);
            accept(event, anchor, lastIndex, states, breaks, looseHeads, looseAtAnchor);
        };

        List<Long> ids = new ArrayList<>(IDS_PER_QUERY);
        List<ChainedEvent> window = new ArrayList<>(IDS_PER_QUERY);
        long nextProgress = 10_000;
        for (long from = 1; from <= lastIndex; from += IDS_PER_QUERY) {
            long to = Math.min(from + IDS_PER_QUERY - 1, lastIndex);
            ids.clear();
            for (long id = from; id <= to; id++) {
                ids.add(id);
            }
            window.clear();
            events.find(Filters.in(EventFields.ID, ids)).into(window);
            window.sort(BY_GLOBAL_INDEX);
            long expected = from;
            for (ChainedEvent event : window) {
                long id = event.globalIndex();
                if (to > lastIndex - IN_FLIGHT_WINDOW) {
                    for (long missing = Math.max(expected, lastIndex - IN_FLIGHT_WINDOW + 1); missing < id; missing++) {
                        recentMissing.add(missing);
                    }
                }
                expected = id + 1;
                sink.accept(event);
            }
            if (to > lastIndex - IN_FLIGHT_WINDOW) {
                for (long missing = Math.max(expected, lastIndex - IN_FLIGHT_WINDOW + 1); missing <= to; missing++) {
                    recentMissing.add(missing);
                }
            }
            if (checked[0] >= nextProgress) {
                progress.progress(checked[0], to, lastIndex);
                nextProgress = checked[0] + 10_000;
            }
        }
        // Appends that were in flight when their window was read.
        List<Long> pending = new ArrayList<>();
        if (!recentMissing.isEmpty()) {
            List<ChainedEvent> late = new ArrayList<>();
            for (int chunk = 0; chunk < recentMissing.size(); chunk += IDS_PER_QUERY) {
                events.find(Filters.in(EventFields.ID,
                        recentMissing.subList(chunk, Math.min(chunk + IDS_PER_QUERY, recentMissing.size()))))
                        .into(late);
            }
            late.sort(BY_GLOBAL_INDEX);
            Set<Long> arrived = new HashSet<>();
            for (ChainedEvent event : late) {
                arrived.add(event.globalIndex());
                sink.accept(event);
            }
            for (Long id : recentMissing) {
                if (!arrived.contains(id)) {
                    pending.add(id);
                }
            }
        }
        // Documents outside the allocated ids (forged with another _id), or appended since: only when the count says
        // there are some, as this query scans the collection on the embedded server.
        long count = events.estimatedDocumentCount();
        if (count != checked[0]) {
            List<ChainedEvent> outside = events.find(Filters.nor(Filters.and(
                    Filters.gte(EventFields.ID, 1L), Filters.lte(EventFields.ID, lastIndex)))).into(new ArrayList<>());
            outside.sort(BY_GLOBAL_INDEX);
            for (ChainedEvent event : outside) {
                sink.accept(event);
            }
        }
        progress.progress(checked[0], lastIndex, lastIndex);

        // Aggregates whose chain did not simply continue: read them again by stream key and name the breaks.
        for (Map.Entry<String, AggregateState> entry : states.entrySet()) {
            if (entry.getValue().suspect) {
                breaks.addAll(AggregateChainCheck.check(entry.getKey(), reread(entry.getKey(), entry.getValue())));
            }
        }

        List<ChainHeads.Head> heads = new ArrayList<>(looseHeads.values());
        Map<String, ChainHeads.Head> atAnchor = new HashMap<>(looseAtAnchor);
        for (Map.Entry<String, AggregateState> entry : states.entrySet()) {
            AggregateState state = entry.getValue();
            if (state.headSequence >= 0) {
                heads.add(new ChainHeads.Head(entry.getKey(), state.headSequence, state.headHash));
            }
            if (state.anchorSequence >= 0) {
                atAnchor.put(entry.getKey(), new ChainHeads.Head(entry.getKey(), state.anchorSequence,
                        state.anchorHash));
            }
        }
        if (anchor != null) {
            breaks.addAll(compareWithAnchor(anchor, atAnchor, null, breaks));
        }
        breaks.addAll(checkAnchorSignatures(anchor));
        return new StoreScan(report(breaks, checked[0], heads, sealing, anchor), lastIndex, pending, heads);
    }

    @FunctionalInterface
    private interface ScanSink {
        void accept(ChainedEvent event);
    }

    private static final Comparator<ChainedEvent> BY_GLOBAL_INDEX = Comparator.comparingLong(ChainedEvent::globalIndex);

    private static void accept(ChainedEvent event, ChainAnchor anchor, long lastIndex,
                               Map<String, AggregateState> states, List<ChainBreak> breaks,
                               Map<String, ChainHeads.Head> looseHeads, Map<String, ChainHeads.Head> looseAtAnchor) {
        StoredEvent stored = event.event();
        long globalIndex = event.globalIndex();
        if (stored.aggregateIdentifier() == null) {
            checkLoose(event, breaks);
            if (event.malformed() == null && stored.isLinked()) {
                String key = ChainHeads.looseKey(stored.eventIdentifier(), globalIndex);
                ChainHeads.Head head = new ChainHeads.Head(key, 0, stored.hash());
                if (globalIndex >= 1 && globalIndex <= lastIndex) {
                    looseHeads.put(key, head);
                }
                if (anchor != null && covers(anchor, globalIndex)) {
                    looseAtAnchor.put(key, head);
                }
            }
            return;
        }
        AggregateState state = states.computeIfAbsent(stored.aggregateIdentifier(), k -> new AggregateState());
        long sequence = stored.sequenceNumber();
        state.maxSequence = Math.max(state.maxSequence, sequence);
        if (!state.suspect) {
            boolean continues = event.malformed() == null
                    && stored.isLinked()
                    && sequence == state.nextSequence
                    && stored.previousHash().equals(state.lastHash)
                    && event.streamKeyMatches()
                    && EventChainHash.recomputes(stored);
            if (continues) {
                state.nextSequence++;
                state.lastHash = stored.hash();
            } else {
                state.suspect = true;
                state.laterIds = new ArrayList<>();
            }
        }
        if (state.suspect && globalIndex >= 0) {
            state.laterIds.add(globalIndex);
        }
        if (event.malformed() != null || !stored.isLinked()) {
            return;
        }
        if (globalIndex >= 1 && globalIndex <= lastIndex && sequence > state.headSequence) {
            state.headSequence = sequence;
            state.headHash = stored.hash();
        }
        if (anchor != null && covers(anchor, globalIndex) && sequence > state.anchorSequence) {
            state.anchorSequence = sequence;
            state.anchorHash = stored.hash();
        }
    }

    /** An event without an aggregate is a chain of its own: linked to genesis, its hash recomputing. */
    private static void checkLoose(ChainedEvent event, List<ChainBreak> breaks) {
        Long globalIndex = event.globalIndex() < 0 ? null : event.globalIndex();
        StoredEvent stored = event.event();
        if (event.malformed() != null) {
            breaks.add(new ChainBreak(ChainBreak.Kind.EDITED, null, 0, globalIndex, event.malformed()));
        } else if (!stored.isLinked()) {
            breaks.add(new ChainBreak(ChainBreak.Kind.UNSEALED, null, 0, globalIndex,
                    "event without an aggregate has no hash chain link"));
        } else if (!EventChainHash.GENESIS.equals(stored.previousHash()) || !EventChainHash.recomputes(stored)) {
            breaks.add(new ChainBreak(ChainBreak.Kind.EDITED, null, 0, globalIndex,
                    "event without an aggregate: stored hash does not recompute"));
        }
    }

    private List<ChainedEvent> reread(String aggregateId, AggregateState state) {
        Map<Long, ChainedEvent> byIndex = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (long sequence = 0; sequence <= state.maxSequence; sequence++) {
            keys.add(StoredEvent.streamKey(aggregateId, sequence));
        }
        List<ChainedEvent> found = new ArrayList<>();
        for (int chunk = 0; chunk < keys.size(); chunk += KEYS_PER_AGGREGATE_QUERY) {
            events.find(Filters.in(EventFields.STREAM_KEY,
                    keys.subList(chunk, Math.min(chunk + KEYS_PER_AGGREGATE_QUERY, keys.size())))).into(found);
        }
        for (int chunk = 0; chunk < state.laterIds.size(); chunk += IDS_PER_QUERY) {
            events.find(Filters.in(EventFields.ID,
                    state.laterIds.subList(chunk, Math.min(chunk + IDS_PER_QUERY, state.laterIds.size()))))
                    .into(found);
        }
        List<ChainedEvent> unreadable = new ArrayList<>();
        for (ChainedEvent event : found) {
            if (event.globalIndex() < 0) {
                unreadable.add(event);
            } else if (aggregateId.equals(event.aggregateId())) {
                byIndex.put(event.globalIndex(), event);
            }
        }
        List<ChainedEvent> stream = new ArrayList<>(byIndex.values());
        stream.addAll(unreadable);
        return stream;
    }

    private static boolean covers(ChainAnchor anchor, long globalIndex) {
        return globalIndex >= 1 && globalIndex <= anchor.position() && !anchor.pendingIds().contains(globalIndex);
    }

    private static void putIfLater(Map<String, ChainHeads.Head> heads, String aggregateId, ChainedEvent event) {
        StoredEvent stored = event.event();
        if (!stored.isLinked()) {
            return;
        }
        ChainHeads.Head known = heads.get(aggregateId);
        if (known == null || known.sequenceNumber() < stored.sequenceNumber()) {
            heads.put(aggregateId, new ChainHeads.Head(aggregateId, stored.sequenceNumber(), stored.hash()));
        }
    }

    /**
     * Compares the chain heads as of the anchor's position with the heads it recorded (of {@code scope} only, or all
     * when null). A break already found at the same aggregate and sequence number by the chain check is not repeated.
     */
    private List<ChainBreak> compareWithAnchor(ChainAnchor anchor, Map<String, ChainHeads.Head> now,
                                               Collection<String> scope, List<ChainBreak> found) {
        List<ChainBreak> breaks = new ArrayList<>();
        AnchorStore.Loaded loaded;
        try {
            Set<Integer> buckets = null;
            if (scope != null) {
                buckets = new HashSet<>();
                for (String aggregateId : scope) {
                    buckets.add(ChainHeads.bucketOf(aggregateId, anchor.buckets()));
                }
            }
            loaded = anchors.load(anchor, buckets);
        } catch (RuntimeException e) {
            return List.of(new ChainBreak(ChainBreak.Kind.ANCHOR_INVALID, null, -1, null,
                    "anchor " + anchor.number() + " unreadable: " + e.getMessage()));
        }
        if (!loaded.valid()) {
            for (String problem : loaded.problems()) {
                breaks.add(new ChainBreak(ChainBreak.Kind.ANCHOR_INVALID, null, -1, null, problem));
            }
            return breaks;
        }
        Set<String> known = new HashSet<>();
        for (ChainBreak b : found) {
            known.add(b.aggregateId() + "\u0000" + b.sequenceNumber());
        }
        Set<String> keys = new LinkedHashSet<>();
        if (scope != null) {
            keys.addAll(scope);
        } else {
            keys.addAll(loaded.heads().keySet());
            keys.addAll(now.keySet());
        }
        String as = "anchor " + anchor.number() + " (position " + anchor.position() + ", " + anchor.createdAt() + ")";
        for (String key : keys) {
            ChainHeads.Head anchored = loaded.heads().get(key);
            ChainHeads.Head current = now.get(key);
            String aggregateId = key.startsWith("~event:") ? null : key;
            if (anchored != null && (current == null || current.sequenceNumber() < anchored.sequenceNumber())) {
                long from = current == null ? 0 : current.sequenceNumber() + 1;
                for (long sequence = from; sequence <= anchored.sequenceNumber() && sequence < from + 100; sequence++) {
                    addUnlessKnown(breaks, known, new ChainBreak(ChainBreak.Kind.DELETED, aggregateId, sequence, null,
                            as + " recorded the chain up to sequence " + anchored.sequenceNumber()
                                    + (aggregateId == null ? " (" + key + ")" : "")));
                }
            } else if (current != null && (anchored == null || current.sequenceNumber() > anchored.sequenceNumber())) {
                long from = anchored == null ? 0 : anchored.sequenceNumber() + 1;
                for (long sequence = from; sequence <= current.sequenceNumber() && sequence < from + 100; sequence++) {
                    addUnlessKnown(breaks, known, new ChainBreak(ChainBreak.Kind.INSERTED, aggregateId, sequence, null,
                            "stored at or before " + as + ", which recorded "
                                    + (anchored == null ? "no such chain" : "the chain up to sequence "
                                    + anchored.sequenceNumber())));
                }
            } else if (current != null && !current.hash().equals(anchored.hash())) {
                addUnlessKnown(breaks, known, new ChainBreak(ChainBreak.Kind.REWRITTEN, aggregateId,
                        current.sequenceNumber(), null, "head hash differs from " + as
                        + ": the chain was rewritten with recomputed hashes at or before this sequence"));
            }
        }
        return breaks;
    }

    private static void addUnlessKnown(List<ChainBreak> breaks, Set<String> known, ChainBreak chainBreak) {
        if (!known.contains(chainBreak.aggregateId() + "\u0000" + chainBreak.sequenceNumber())) {
            breaks.add(chainBreak);
        }
    }

    /** The signatures of all anchors (cheap: one small document each); the compared anchor's is checked with it. */
    private List<ChainBreak> checkAnchorSignatures(ChainAnchor compared) {
        List<ChainBreak> breaks = new ArrayList<>();
        try {
            for (ChainAnchor anchor : anchors.all()) {
                if (compared != null && anchor.number() == compared.number()) {
                    continue;
                }
                String problem = anchors.signatureProblem(anchor);
                if (problem != null) {
                    breaks.add(new ChainBreak(ChainBreak.Kind.ANCHOR_INVALID, null, -1, null,
                            "anchor " + anchor.number() + ": " + problem));
                }
            }
        } catch (RuntimeException e) {
            breaks.add(new ChainBreak(ChainBreak.Kind.ANCHOR_INVALID, null, -1, null,
                    "anchors unreadable: " + e.getMessage()));
        }
        return breaks;
    }

    private ChainVerificationReport report(List<ChainBreak> breaks, long checked, Collection<ChainHeads.Head> heads,
                                           Sealing sealing, ChainAnchor anchor) {
        List<ChainBreak> sorted = new ArrayList<>(breaks);
        sorted.sort(Comparator.comparing(ChainBreak::aggregateId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(ChainBreak::sequenceNumber));
        long omitted = Math.max(0, sorted.size() - MAX_BREAKS);
        List<ChainBreak> listed = sorted.subList(0, Math.min(sorted.size(), MAX_BREAKS));
        ChainVerificationReport report = new ChainVerificationReport(sorted.isEmpty(), checked, listed,
                ChainHeads.headsDigest(heads), clock.instant(), sealing.events,
                sealing.last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(sealing.last), anchor, omitted);
        if (!report.intact()) {
            logger.warn("Event chain verification: {} break(s) in {} events, first: {}", sorted.size(), checked,
                    sorted.get(0));
        }
        return report;
    }

    private long lastAllocated() {
        Document counter = counters.find(Filters.eq(EventFields.ID, EventFields.EVENTS_COLLECTION)).first();
        return counter == null ? 0 : counter.get(COUNTER_VALUE, Number.class).longValue();
    }

    private static final class Sealing {
        long events;
        long last = Long.MIN_VALUE;

        void count(ChainedEvent event) {
            Long sealedAt = event.event().sealedAtMillis();
            if (sealedAt != null) {
                events++;
                last = Math.max(last, sealedAt);
            }
        }
    }
}
