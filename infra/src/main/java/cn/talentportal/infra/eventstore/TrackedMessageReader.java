package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of one processor's stream, batch by batch: each batch is upcast and turned into Axon's messages on
 * the thread that reads it, which for a processor that is behind is not the processor's own ({@link ReadAhead},
 * decision 0036).
 * <p>
 * Payloads and metadata stay lazy, as Axon makes them: a processor reads few of the event types in the store. But
 * the types this stream's processor did read, in a batch it has finished, are read here for the next batches too;
 * the Jackson work then runs beside the processor instead of on its thread. The processor is the only consumer of
 * its stream, so what it read is what it will read again.
 * <p>
 * The messages are built as Axon's {@code EventUtils.upcastAndDeserializeTrackedEvents} builds them, keeping the
 * serialized form at hand to see what was read. The upcasters are applied per batch: the portal's are single-event
 * upcasters, which keep no context across events.
 */
final class TrackedMessageReader implements TrackedBatches.Reader<TrackedEventMessage<?>>, AutoCloseable {

    private final TrackedBatches.Reader<TrackedEventData<?>> events;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Set<Class<?>> payloadsRead = ConcurrentHashMap.newKeySet();
    private final Set<Class<?>> metaDataRead = ConcurrentHashMap.newKeySet();
    /** The last two batches handed out: when a read starts, the older one is finished (see ReadAhead). */
    private List<SerializedMessage<?>> older = List.of();
    private List<SerializedMessage<?>> newer = List.of();

    TrackedMessageReader(TrackedBatches.Reader<TrackedEventData<?>> events, Serializer serializer,
                         EventUpcaster upcasters) {
        this.events = events;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /**
     * Reads are one at a time per stream, and the next one starts only after the previous batch was taken: so the
     * batch before that one is finished.
     */
    @Override
    public synchronized TrackedBatches.Batch<TrackedEventMessage<?>> read(TrackingToken after, int batchSize) {
        learnFrom(older);
        TrackedBatches.Batch<TrackedEventData<?>> stored = events.read(after, batchSize);
        List<TrackedEventMessage<?>> messages = new ArrayList<>(stored.items().size());
        List<SerializedMessage<?>> serialized = new ArrayList<>(stored.items().size());
        upcasters.upcast(stored.items().stream().map(event -> new InitialEventRepresentation(event, serializer)))
                .forEach(representation -> {
                    SerializedMessage<?> message = serializedMessage(representation);
                    readAsBefore(message);
                    serialized.add(message);
                    messages.add(trackedMessage(representation, message));
                });
        older = newer;
        newer = serialized;
        return new TrackedBatches.Batch<>(messages, stored.lastToken(), stored.full());
    }

    /** Closes the reader of stored events (a read ahead of them is dropped). */
    @Override
    public void close() throws Exception {
        if (events instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void learnFrom(List<SerializedMessage<?>> finished) {
        for (SerializedMessage<?> message : finished) {
            if (message.isPayloadDeserialized()) {
                payloadsRead.add(message.getPayloadType());
            }
            if (message.isMetaDataDeserialized()) {
                metaDataRead.add(message.getPayloadType());
            }
        }
    }

    /** Reads what the processor read of this type before; a failure is left for the processor to meet and handle. */
    private void readAsBefore(SerializedMessage<?> message) {
        Class<?> type = message.getPayloadType();
        try {
            if (payloadsRead.contains(type)) {
                message.getPayload();
            }
            if (metaDataRead.contains(type)) {
                message.getMetaData();
            }
        } catch (RuntimeException leftForTheProcessor) {
            // the lazy object stays unread and fails again where Axon's error handling sees it
        }
    }

    private SerializedMessage<?> serializedMessage(IntermediateEventRepresentation representation) {
        return new SerializedMessage<>(representation.getMessageIdentifier(),
                new LazyDeserializingObject<>(representation::getData, representation.getType(), serializer),
                representation.getMetaData());
    }

    private static TrackedEventMessage<?> trackedMessage(IntermediateEventRepresentation representation,
                                                         SerializedMessage<?> message) {
        TrackingToken token = representation.getTrackingToken().orElseThrow();
        if (representation.getAggregateIdentifier().isPresent()) {
            return new GenericTrackedDomainEventMessage<>(token, representation.getAggregateType().orElse(null),
                    representation.getAggregateIdentifier().get(), representation.getSequenceNumber().orElseThrow(),
                    message, representation::getTimestamp);
        }
        return new GenericTrackedEventMessage<>(token, message, representation::getTimestamp);
    }
}
