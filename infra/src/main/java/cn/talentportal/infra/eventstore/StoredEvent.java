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
 * @param sealedAtMillis      when an event stored before the hash chain existed was linked into it (null for events
 *                            linked when appended); part of the hashed form
 * @param previousHash        hash of the link before this one in the aggregate's chain, hex (see {@link EventChainHash});
 *                            null for an event stored before the chain existed and not sealed yet
 * @param hash                SHA-256 of {@code previousHash} and the event's canonical form, hex; null as above
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                          String eventIdentifier, long timestampMillis, String payloadType, String payloadRevision,
                          String payload, String metaData, Long sealedAtMillis, String previousHash, String hash)
        implements DomainEventData<String> {

    /** An event without its chain link (yet): the engine adds it when appending. */
    public StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                       String eventIdentifier, long timestampMillis, String payloadType, String payloadRevision,
                       String payload, String metaData) {
        this(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timestampMillis, payloadType,
                payloadRevision, payload, metaData, null, null, null);
    }

    /** Value of the unique {@code streamKey}: one event per aggregate and sequence number. */
    public static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    public boolean belongsToAggregate() {
        return aggregateIdentifier != null;
    }

    public StoredEvent withGlobalIndex(long index) {
        return new StoredEvent(index, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timestampMillis,
                payloadType, payloadRevision, payload, metaData, sealedAtMillis, previousHash, hash);
    }

    /** This event linked after {@code previous} (hex hash, {@link EventChainHash#GENESIS} for a first event). */
    public StoredEvent linkedAfter(String previous) {
        return new StoredEvent(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                timestampMillis, payloadType, payloadRevision, payload, metaData, sealedAtMillis, previous,
                EventChainHash.hash(previous, this));
    }

    /** This event, stored before the chain existed, sealed into it at {@code sealedAt} after {@code previous}. */
    public StoredEvent sealedAfter(String previous, long sealedAt) {
        StoredEvent sealed = new StoredEvent(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                timestampMillis, payloadType, payloadRevision, payload, metaData, sealedAt, null, null);
        return sealed.linkedAfter(previous);
    }

    /** Whether this event carries a chain link (false: stored before the chain existed, or forged without one). */
    public boolean isLinked() {
        return hash != null && previousHash != null;
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
