package cn.talentportal.projections.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The event store's streams as the replay reads them: several at once on a few threads, and each kept for a while
 * after it is read, because stored events never change and an auditor moves back and forth between instants of the
 * same candidate. A kept stream is read again from its next sequence number (one lookup, nothing to deserialize
 * twice), or not at all when the instant asked for lies more than {@link #SETTLED} before the stream was last read:
 * an event stamped at or before that instant would have had to take longer than that to commit. Kept streams
 * expire after {@link #KEPT}; an erasure forgets the erased streams at once on the node that carries it out, and all
 * kept streams within a second on the others, so personal data erased from the store (its key deleted) does not
 * linger here.
 */
final class SettledStreams {

    static final Duration SETTLED = Duration.ofMinutes(1);
    static final Duration KEPT = Duration.ofMinutes(10);
    static final int MOST_STREAMS = 5_000;

    private final EventStore eventStore;
    private final Executor readers;
    private final Supplier<Instant> now;
    private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MOST_STREAMS;
        }
    };

    /** {@code now} is the clock events are stamped with (Axon's {@code GenericEventMessage.clock}). */
    SettledStreams(EventStore eventStore, Executor readers, Supplier<Instant> now) {
        this.eventStore = eventStore;
        this.readers = readers;
        this.now = now;
    }

    private record Kept(List<ReplayedEvent> events, Instant readAt, Instant since) {
    }

    /** The streams, each complete at least up to {@code asOf}. */
    CandidateReplay.EventStreams asOf(Instant asOf) {
        return new CandidateReplay.EventStreams() {
            @Override
            public List<ReplayedEvent> read(String aggregateId) {
                return SettledStreams.this.read(aggregateId, asOf);
            }

            @Override
            public Map<String, List<ReplayedEvent>> readAll(Collection<String> aggregateIds) {
                Map<String, CompletableFuture<List<ReplayedEvent>>> reading = new LinkedHashMap<>();
                aggregateIds.forEach(id -> reading.put(id,
                        CompletableFuture.supplyAsync(() -> SettledStreams.this.read(id, asOf), readers)));
                Map<String, List<ReplayedEvent>> streams = new LinkedHashMap<>();
                reading.forEach((id, stream) -> streams.put(id, stream.join()));
                return streams;
            }
        };
    }

    /** Forgets the kept copies of these streams, so their next read comes from the store. */
    void forget(Collection<String> aggregateIds) {
        synchronized (kept) {
            aggregateIds.forEach(kept::remove);
        }
    }

    void forgetAll() {
        synchronized (kept) {
            kept.clear();
        }
    }

    List<ReplayedEvent> read(String aggregateId, Instant asOf) {
        Instant readAt = now.get();
        Kept before;
        synchronized (kept) {
            before = kept.get(aggregateId);
        }
        if (before != null && readAt.isAfter(before.since().plus(KEPT))) {
            before = null;
        }
        if (before != null && asOf.isBefore(before.readAt().minus(SETTLED))) {
            return before.events();
        }
        List<ReplayedEvent> events = new ArrayList<>(before == null ? List.of() : before.events());
        eventStore.readEvents(aggregateId, events.size()).asStream()
                .forEach(event -> events.add(new ReplayedEvent(event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getTimestamp(), event.getPayload())));
        Kept after = new Kept(List.copyOf(events), readAt, before == null ? readAt : before.since());
        synchronized (kept) {
            kept.put(aggregateId, after);
        }
        return after.events();
    }
}
