package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.time.Instant;

/**
 * One event as stored in {@code domain_events} (and, with {@code globalIndex} unused, in {@code snapshot_events}).
 * Implements Axon's {@link DomainEventData} directly, so reading needs no intermediate copy.
 *
 * @param globalIndex         position in the global stream ({@code _id}), from 1
 * @param aggregateIdentifier null for an event that belongs to no aggregate
 * @param sequenceNumber      position in the aggregate's stream, from 0 (0 when there is no aggregate)
 * @param type                aggregate type, null when there is no aggregate
 * @param timestampMillis     when the event happened, epoch milliseconds
 * @param payloadRevision     {@code @Revision} of the payload type, may be null
 * @param payload             payload serialized as JSON
 * @param metaData            metadata serialized as JSON
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                          String eventIdentifier, long timestampMillis, String payloadType, String payloadRevision,
                          String payload, String metaData) implements DomainEventData<String> {

    /** Value of the unique {@code streamKey}: one event per aggregate and sequence number. */
    public static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    public boolean belongsToAggregate() {
        return aggregateIdentifier != null;
    }

    public StoredEvent withGlobalIndex(long index) {
        return new StoredEvent(index, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timestampMillis,
                payloadType, payloadRevision, payload, metaData);
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return new SerializedMetaData<>(metaData, String.class);
    }

    @Override
    public SerializedObject<String> getPayload() {
        return new SimpleSerializedObject<>(payload, String.class, payloadType, payloadRevision);
    }
}
