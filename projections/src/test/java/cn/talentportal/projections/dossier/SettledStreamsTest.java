package cn.talentportal.projections.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettledStreamsTest {

    static final Instant T0 = Instant.parse("2026-11-21T01:00:00Z");

    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
        @Override
        public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String aggregateIdentifier,
                                                                                      long firstSequenceNumber) {
            reads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    };
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final SettledStreams streams = new SettledStreams(store, Runnable::run, now::get);

    @AfterEach
    void close() {
        store.shutDown();
    }

    private void append(String aggregateId, long sequence, Instant at, String payload) {
        store.publish(new GenericDomainEventMessage<>("Test", aggregateId, sequence, payload, MetaData.emptyInstance(),
                java.util.UUID.randomUUID().toString(), at));
    }

    private List<Object> payloads(List<ReplayedEvent> events) {
        return new ArrayList<>(events.stream().map(ReplayedEvent::payload).toList());
    }

    @Test
    void a_stream_is_read_from_its_first_event_even_after_a_snapshot() {
        append("a1", 0, T0, "first");
        append("a1", 1, T0, "second");
        store.storeSnapshot(new GenericDomainEventMessage<>("Test", "a1", 1, "the aggregate at sequence 1"));
        assertThat(payloads(streams.read("a1", T0))).containsExactly("first", "second");
    }

    @Test
    void a_kept_stream_is_read_again_from_its_next_event_for_a_recent_instant() {
        append("a1", 0, T0, "first");
        assertThat(payloads(streams.read("a1", T0))).containsExactly("first");
        append("a1", 1, T0.plusSeconds(1), "second");
        now.set(T0.plusSeconds(2));
        assertThat(payloads(streams.read("a1", T0.plusSeconds(1)))).containsExactly("first", "second");
    }

    @Test
    void an_instant_long_settled_before_the_last_read_needs_no_read_at_all() {
        append("a1", 0, T0, "first");
        now.set(T0.plus(Duration.ofMinutes(5)));
        streams.read("a1", now.get());
        int before = reads.get();
        assertThat(payloads(streams.read("a1", T0.plus(Duration.ofMinutes(3))))).containsExactly("first");
        assertThat(reads.get()).isEqualTo(before);
        streams.read("a1", T0.plus(Duration.ofMinutes(4)).plusSeconds(30));
        assertThat(reads.get()).as("within a minute of the last read: read again").isEqualTo(before + 1);
    }

    @Test
    void kept_streams_expire() {
        append("a1", 0, T0, "first");
        streams.read("a1", T0);
        now.set(T0.plus(SettledStreams.KEPT).plusSeconds(1));
        int before = reads.get();
        streams.read("a1", T0);
        assertThat(reads.get()).isEqualTo(before + 1);
    }

    @Test
    void several_streams_are_read_at_once() {
        append("a1", 0, T0, "one");
        append("a2", 0, T0, "two");
        assertThat(streams.asOf(T0).readAll(List.of("a1", "a2", "unknown")))
                .containsOnlyKeys("a1", "a2", "unknown")
                .hasEntrySatisfying("unknown", events -> assertThat(events).isEmpty());
    }
}
