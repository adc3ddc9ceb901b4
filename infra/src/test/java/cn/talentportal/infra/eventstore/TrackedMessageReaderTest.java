package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.eventstore.TestEvents.CandidateNoted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's messages built per batch, and the types the processor read being read ahead of it. */
class TrackedMessageReaderTest {

    private static final int BATCH = 4;
    private final AtomicInteger payloadReads = new AtomicInteger();
    private final AtomicInteger metaDataReads = new AtomicInteger();
    private final JacksonSerializer serializer = new CountingSerializer();
    private final List<TrackedEventData<?>> store = storeOf(12);

    @Test
    void buildsTheMessagesAxonBuildsFromTheSameEvents() {
        TrackedMessageReader reader = new TrackedMessageReader(this::storedBatch, serializer, NoOpEventUpcaster.INSTANCE);

        TrackedBatches.Batch<TrackedEventMessage<?>> batch = reader.read(null, BATCH);
        List<TrackedEventMessage<?>> axons = EventUtils.upcastAndDeserializeTrackedEvents(store.subList(0, BATCH).stream(),
                serializer, NoOpEventUpcaster.INSTANCE).toList();

        assertThat(batch.full()).isTrue();
        assertThat(batch.lastToken()).isEqualTo(store.get(BATCH - 1).trackingToken());
        assertThat(batch.items()).hasSize(BATCH);
        for (int i = 0; i < BATCH; i++) {
            TrackedEventMessage<?> ours = batch.items().get(i);
            TrackedEventMessage<?> theirs = axons.get(i);
            assertThat(ours).isInstanceOf(DomainEventMessage.class);
            assertThat(ours.getIdentifier()).isEqualTo(theirs.getIdentifier());
            assertThat(ours.trackingToken()).isEqualTo(theirs.trackingToken());
            assertThat(ours.getTimestamp()).isEqualTo(theirs.getTimestamp());
            assertThat(((DomainEventMessage<?>) ours).getSequenceNumber())
                    .isEqualTo(((DomainEventMessage<?>) theirs).getSequenceNumber());
            assertThat(ours.getPayload()).isEqualTo(theirs.getPayload());
            assertThat(ours.getMetaData()).isEqualTo(theirs.getMetaData());
        }
    }

    @Test
    void readsAheadWhatTheProcessorReadInAFinishedBatchAndNothingElse() {
        TrackedMessageReader reader = new TrackedMessageReader(this::storedBatch, serializer, NoOpEventUpcaster.INSTANCE);
        List<TrackedEventMessage<?>> first = reader.read(null, BATCH).items();
        List<TrackedEventMessage<?>> second = reader.read(first.get(BATCH - 1).trackingToken(), BATCH).items();
        assertThat(payloadReads).as("nothing read before the processor read anything").hasValue(0);

        first.forEach(TrackedEventMessage::getPayload); // the processor handles the first batch: payloads only
        int readByTheProcessor = payloadReads.get();
        List<TrackedEventMessage<?>> third = reader.read(second.get(BATCH - 1).trackingToken(), BATCH).items();

        assertThat(payloadReads.get() - readByTheProcessor).as("the third batch's payloads, read by the reader")
                .isEqualTo(BATCH);
        assertThat(metaDataReads).as("metadata the processor never read stays unread").hasValue(0);
        third.forEach(TrackedEventMessage::getPayload);
        assertThat(payloadReads.get() - readByTheProcessor).as("and not read twice").isEqualTo(BATCH);
    }

    private TrackedBatches.Batch<TrackedEventData<?>> storedBatch(TrackingToken after, int size) {
        int from = after == null ? 0 : (int) after.position().orElseThrow();
        List<TrackedEventData<?>> events = store.subList(Math.min(from, store.size()), Math.min(from + size, store.size()));
        return new TrackedBatches.Batch<>(events,
                events.isEmpty() ? null : events.get(events.size() - 1).trackingToken(), events.size() >= size);
    }

    private List<TrackedEventData<?>> storeOf(int size) {
        List<TrackedEventData<?>> events = new ArrayList<>();
        for (long index = 1; index <= size; index++) {
            SerializedObject<String> payload = serializer.serialize(
                    new CandidateNoted("c-" + index, "note " + index, Instant.parse("2026-11-21T10:15:30Z")), String.class);
            SerializedObject<String> metaData = serializer.serialize(MetaData.with("user", "u-" + index), String.class);
            events.add(new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet()),
                    new StoredEvent(index, "c-" + index, 0, "Candidate", "e-" + index, 1_700_000_000_000L + index,
                            payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                            metaData.getData())));
        }
        return events;
    }

    /** The portal's serializer, counting what it deserializes. */
    private final class CountingSerializer extends PortalJacksonSerializer {
        CountingSerializer() {
            super(JacksonSerializer.builder());
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            T read = super.deserialize(serializedObject);
            (read instanceof MetaData ? metaDataReads : payloadReads).incrementAndGet();
            return read;
        }
    }
}
