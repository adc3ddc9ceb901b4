package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.EventChainHash;
import cn.talentportal.infra.eventstore.StoredEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the breaks in one aggregate's chain, given every stored document of the aggregate. The rules (decision 0015):
 * <ul>
 * <li>a document whose stored hash recomputes and whose previous link is the hash of the event before it: intact;</li>
 * <li>hash does not recompute, but does when the event is given the sequence number after the event its previous
 * link names: {@code REORDERED} (stored at one sequence number, appended at another);</li>
 * <li>hash does not recompute, previous link names an event of the aggregate (or genesis): {@code EDITED};</li>
 * <li>hash does not recompute and the previous link names nothing: {@code INSERTED};</li>
 * <li>a sequence number that no document holds or was appended at: {@code DELETED};</li>
 * <li>an intact event whose previous link names no stored event, while an event is stored before it: that event is
 * not the one it was appended after ({@code EDITED} there, its hash recomputed by whoever changed it);</li>
 * <li>a second document at a sequence number already taken: {@code INSERTED};</li>
 * <li>no link at all: {@code UNSEALED}; unreadable: {@code EDITED}; a stream key that is not
 * {@code aggregate/sequence} (aggregate loads would miss the event): {@code EDITED}.</li>
 * </ul>
 * A deletion of the aggregate's last events, or a chain rewritten with recomputed hashes up to its head, leaves no
 * trace here: only an anchor shows it.
 */
final class AggregateChainCheck {

    private static final Comparator<ChainedEvent> BY_POSITION = Comparator
            .comparingLong(ChainedEvent::sequenceNumber).thenComparingLong(ChainedEvent::globalIndex);

    private final String aggregateId;
    private final List<ChainedEvent> events;
    private final Map<String, ChainedEvent> byHash = new HashMap<>();
    private final Map<ChainedEvent, Boolean> recomputes = new IdentityHashMap<>();
    private final Map<ChainedEvent, Long> appendedAt = new IdentityHashMap<>();

    private AggregateChainCheck(String aggregateId, List<ChainedEvent> events) {
        this.aggregateId = aggregateId;
        this.events = new ArrayList<>(events);
        this.events.sort(BY_POSITION);
        for (ChainedEvent event : this.events) {
            if (event.malformed() == null && event.event().isLinked()) {
                byHash.putIfAbsent(event.event().hash(), event);
            }
        }
    }

    /** The breaks of {@code aggregateId}'s chain formed by {@code events} (all its documents, any order). */
    static List<ChainBreak> check(String aggregateId, List<ChainedEvent> events) {
        return new AggregateChainCheck(aggregateId, events).breaks();
    }

    private List<ChainBreak> breaks() {
        List<ChainBreak> breaks = new ArrayList<>();
        Set<Long> appendedSequences = new HashSet<>();
        for (ChainedEvent event : events) {
            if (event.malformed() == null && event.event().isLinked()) {
                appendedSequences.add(sequenceAppendedAt(event, 0));
            }
        }
        long expectedSequence = 0;
        String expectedPrevious = EventChainHash.GENESIS;
        Set<Long> reportedDeleted = new HashSet<>();
        for (ChainedEvent event : events) {
            long sequence = event.sequenceNumber();
            Long globalIndex = event.globalIndex() < 0 ? null : event.globalIndex();
            for (long missing = expectedSequence; missing < sequence; missing++) {
                if (!appendedSequences.contains(missing)) {
                    breaks.add(new ChainBreak(ChainBreak.Kind.DELETED, aggregateId, missing, null,
                            "no event at this sequence number; the chain continues at " + sequence));
                    reportedDeleted.add(missing);
                }
            }
            if (event.malformed() != null) {
                breaks.add(new ChainBreak(ChainBreak.Kind.EDITED, aggregateId, sequence, globalIndex,
                        event.malformed()));
                expectedSequence = Math.max(expectedSequence, sequence + 1);
                expectedPrevious = null;
                continue;
            }
            StoredEvent stored = event.event();
            if (!stored.isLinked()) {
                breaks.add(new ChainBreak(ChainBreak.Kind.UNSEALED, aggregateId, sequence, globalIndex,
                        "no hash chain link: stored before the chain existed and not sealed, or written by hand"));
                expectedSequence = Math.max(expectedSequence, sequence + 1);
                expectedPrevious = null;
                continue;
            }
            if (sequence < expectedSequence) {
                breaks.add(new ChainBreak(ChainBreak.Kind.INSERTED, aggregateId, sequence, globalIndex,
                        "a second event at sequence number " + sequence
                                + (recomputes(event) ? "" : ", whose hash does not recompute")));
                continue;
            }
            long appended = sequenceAppendedAt(event, 0);
            if (appended != sequence) {
                breaks.add(new ChainBreak(ChainBreak.Kind.REORDERED, aggregateId, sequence, globalIndex,
                        "stored at sequence " + sequence + ", appended at sequence " + appended));
            } else if (!recomputes(event)) {
                boolean links = stored.previousHash().equals(expectedPrevious)
                        || byHash.containsKey(stored.previousHash())
                        || (sequence == 0 && EventChainHash.GENESIS.equals(stored.previousHash()));
                breaks.add(links
                        ? new ChainBreak(ChainBreak.Kind.EDITED, aggregateId, sequence, globalIndex,
                        "stored hash does not recompute: the event's content changed after it was appended")
                        : new ChainBreak(ChainBreak.Kind.INSERTED, aggregateId, sequence, globalIndex,
                        "does not link to any event of the aggregate and its hash does not recompute"));
            } else if (!stored.previousHash().equals(expectedPrevious)) {
                ChainedEvent linked = byHash.get(stored.previousHash());
                boolean explained = (linked != null && sequenceAppendedAt(linked, 0) == sequence - 1)
                        || reportedDeleted.contains(sequence - 1)
                        || (sequence == 0 && EventChainHash.GENESIS.equals(stored.previousHash()));
                if (!explained && expectedPrevious != null) {
                    breaks.add(linked == null
                            ? new ChainBreak(ChainBreak.Kind.EDITED, aggregateId, sequence - 1,
                            globalIndexAt(sequence - 1),
                            "not the event that sequence " + sequence + " was appended after: changed with its hash "
                                    + "recomputed, or replaced")
                            : new ChainBreak(ChainBreak.Kind.EDITED, aggregateId, sequence, globalIndex,
                            "appended after sequence " + sequenceAppendedAt(linked, 0) + ", stored at " + sequence));
                }
            }
            if (!event.streamKeyMatches()) {
                breaks.add(new ChainBreak(ChainBreak.Kind.EDITED, aggregateId, sequence, globalIndex,
                        "stream key '" + event.streamKey() + "' is not " + aggregateId + "/" + sequence
                                + ": aggregate loads do not see this event"));
            }
            expectedSequence = sequence + 1;
            expectedPrevious = stored.hash();
        }
        return breaks;
    }

    private Long globalIndexAt(long sequence) {
        for (ChainedEvent event : events) {
            if (event.sequenceNumber() == sequence && event.globalIndex() >= 0) {
                return event.globalIndex();
            }
        }
        return null;
    }

    private boolean recomputes(ChainedEvent event) {
        return recomputes.computeIfAbsent(event, e -> EventChainHash.recomputes(e.event()));
    }

    /**
     * The sequence number the event was appended at: its stored one if its hash recomputes, else the one after the
     * event its previous link names (0 after genesis) if the hash recomputes with that, else the stored one.
     */
    private long sequenceAppendedAt(ChainedEvent event, int depth) {
        Long known = appendedAt.get(event);
        if (known != null) {
            return known;
        }
        long stored = event.sequenceNumber();
        if (recomputes(event) || depth > 64) {
            return stored;
        }
        appendedAt.put(event, stored); // guards against cycles while resolving
        StoredEvent storedEvent = event.event();
        Long candidate = null;
        if (EventChainHash.GENESIS.equals(storedEvent.previousHash())) {
            candidate = 0L;
        } else {
            ChainedEvent previous = byHash.get(storedEvent.previousHash());
            if (previous != null && previous != event) {
                candidate = sequenceAppendedAt(previous, depth + 1) + 1;
            }
        }
        long result = stored;
        if (candidate != null && candidate != stored
                && storedEvent.hash().equals(EventChainHash.hashAt(storedEvent.previousHash(), storedEvent, candidate))) {
            result = candidate;
        }
        appendedAt.put(event, result);
        return result;
    }
}
