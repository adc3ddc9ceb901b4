package cn.talentportal.infra.eventstore;

/** Names of the collections and fields of the event store. */
final class EventFields {

    static final String EVENTS_COLLECTION = "domain_events";
    static final String SNAPSHOTS_COLLECTION = "snapshot_events";
    static final String SEQUENCE_COLLECTION = "event_sequence";

    static final String ID = "_id";
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private EventFields() {
    }
}
