package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.eventstore.TestEvents.CandidateNoted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoLookupEventStorageEngineTest {

    @TempDir
    static Path dataDir;
    static EmbeddedStore store;
    static MongoLookupEventStorageEngine engine;

    @BeforeAll
    static void start() {
        store = new EmbeddedStore(dataDir);
        engine = store.engine();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private static String newAggregateId() {
        return "candidate-" + UUID.randomUUID();
    }

    @Test
    void appendedEventsComeBackInOrderWithPayloadAndMetaData() {
        String id = newAggregateId();
        engine.appendEvents(TestEvents.noted(id, 0, 3));
        engine.appendEvents(TestEvents.noted(id, 3, 250));

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents(id).asStream().toList();

        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 253).boxed().toList());
        DomainEventMessage<?> first = loaded.get(0);
        assertThat(first.getPayload()).isEqualTo(TestEvents.noted(id, 0).getPayload());
        assertThat(first.getMetaData()).containsEntry("user", "recruiter-7").containsEntry("role", "RECRUITER");
        assertThat(first.getAggregateIdentifier()).isEqualTo(id);
        assertThat(first.getType()).isEqualTo("Candidate");
        assertThat(engine.readEvents(id, 250).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(250L, 251L, 252L);
        assertThat(engine.lastSequenceNumberFor(id)).contains(252L);
        assertThat(engine.lastSequenceNumberFor(newAggregateId())).isEmpty();
    }

    @Test
    void secondAppendOfTheSameSequenceNumberIsAConflict() {
        String id = newAggregateId();
        engine.appendEvents(TestEvents.noted(id, 0, 2));
        GenericDomainEventMessage<CandidateNoted> mine = TestEvents.noted(id, 2);
        GenericDomainEventMessage<CandidateNoted> theirs = TestEvents.noted(id, 2);

        engine.appendEvents(mine);
        assertThatThrownBy(() -> engine.appendEvents(theirs))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining(id);

        assertThat(engine.readEvents(id).asStream().map(DomainEventMessage::getIdentifier))
                .hasSize(3).endsWith(mine.getIdentifier());
    }

    @Test
    void creatingAnAggregateTwiceIsRefused() {
        String id = newAggregateId();
        engine.appendEvents(TestEvents.noted(id, 0));
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.noted(id, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void aCommitThatConflictsHalfwayLeavesNoneOfItsEvents() {
        String other = newAggregateId();
        String id = newAggregateId();
        engine.appendEvents(TestEvents.noted(id, 0, 2));

        // One unit of work: two events of another aggregate, then one that conflicts.
        List<DomainEventMessage<?>> commit = List.of(
                TestEvents.noted(other, 0), TestEvents.noted(other, 1), TestEvents.noted(id, 1));
        assertThatThrownBy(() -> engine.appendEvents(commit)).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents(other).asStream()).isEmpty();
        assertThat(engine.readEvents(id).asStream()).hasSize(2);
    }

    @Test
    void eventsWithoutAnAggregateAreStoredAndTracked() {
        GenericEventMessage<String> first = new GenericEventMessage<>("job fair opened");
        GenericEventMessage<String> second = new GenericEventMessage<>("job fair closed");
        var head = engine.createHeadToken();
        engine.appendEvents(first, second);

        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(head, false).toList();

        assertThat(tracked).extracting(TrackedEventMessage::getIdentifier)
                .containsExactly(first.getIdentifier(), second.getIdentifier());
        assertThat(tracked.stream().map(message -> (Object) message.getPayload()))
                .containsExactly("job fair opened", "job fair closed");
        assertThat(tracked.get(0)).isNotInstanceOf(DomainEventMessage.class);
    }

    @Test
    void latestSnapshotIsKept() {
        String id = newAggregateId();
        engine.storeSnapshot(snapshot(id, 10));
        engine.storeSnapshot(snapshot(id, 20));
        engine.storeSnapshot(snapshot(id, 15)); // a slower snapshotter must not win

        DomainEventMessage<?> read = engine.readSnapshot(id).orElseThrow();

        assertThat(read.getSequenceNumber()).isEqualTo(20);
        assertThat(read.getPayload()).isEqualTo(new CandidateState(id, 21));
        assertThat(engine.readSnapshot(newAggregateId())).isEmpty();
    }

    record CandidateState(String candidateId, int notes) {
    }

    private static DomainEventMessage<CandidateState> snapshot(String id, long sequence) {
        return new GenericDomainEventMessage<>("Candidate", id, sequence, new CandidateState(id, (int) sequence + 1));
    }
}
