package cn.talentportal.infra.eventstore;

/** Names of the collections and fields of the event store (public for the hash chain's verifier, {@code chain}). */
public final class EventFields {

    public static final String EVENTS_COLLECTION = "domain_events";
    public static final String SNAPSHOTS_COLLECTION = "snapshot_events";
    public static final String SEQUENCE_COLLECTION = "event_sequence";

    public static final String ID = "_id";
    public static final String STREAM_KEY = "streamKey";
    public static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    public static final String SEQUENCE_NUMBER = "sequenceNumber";
    public static final String TYPE = "type";
    public static final String EVENT_IDENTIFIER = "eventIdentifier";
    public static final String TIMESTAMP = "timestamp";
    public static final String PAYLOAD_TYPE = "payloadType";
    public static final String PAYLOAD_REVISION = "payloadRevision";
    public static final String PAYLOAD = "payload";
    public static final String META_DATA = "metaData";
    /** Hash chain (decision 0015): the link this event was appended after, hex SHA-256. */
    public static final String PREVIOUS_HASH = "previousHash";
    /** Hash chain: SHA-256 of the previous link and the event's canonical form, hex. */
    public static final String HASH = "hash";
    /** Hash chain: when an event stored before the chain existed was given its link (absent for appended ones). */
    public static final String SEALED_AT = "chainSealedAt";

    private EventFields() {
    }
}
