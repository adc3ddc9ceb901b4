package cn.talentportal.infra.deadline;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled deadline as a document of the {@code deadlines} collection: scope, payload and metadata serialized with
 * Axon's serializer (JSON strings, as JobRunr's and db-scheduler's deadline managers store them), times as epoch
 * milliseconds.
 */
final class DeadlineDocuments {

    static final String COLLECTION = "deadlines";

    static final String ID = "_id";
    static final String NAME = "deadlineName";
    static final String SCOPE_TYPE = "scopeType";
    static final String SCOPE = "scope";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    /** The moment the deadline was scheduled for; the timestamp of its message. */
    static final String DEADLINE_AT = "deadlineAt";
    /**
     * When a node may next take the deadline: the deadline itself, a retry after a failure, or, while it is
     * {@link #FIRING}, the end of the firing node's lease. One field, so one range query (and one index) finds both
     * due and abandoned deadlines.
     */
    static final String FIRE_AT = "fireAt";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String OWNER = "owner";
    /**
     * A fresh random value at every change of state (scheduled, claimed, failed). Every transition is a
     * compare-and-set on it: a unique single-field index, so an exact lookup also on the embedded server, which
     * would scan the collection for {@code {_id: x, fireAt: {$lte: t}}} (it uses an index only when the query names
     * exactly the index's fields).
     */
    static final String TOKEN = "token";
    static final String LAST_ERROR = "lastError";

    static final String SCHEDULED = "SCHEDULED";
    static final String FIRING = "FIRING";

    private final Serializer serializer;

    DeadlineDocuments(Serializer serializer) {
        this.serializer = serializer;
    }

    Document scheduled(String id, ScopeDescriptor scope, DeadlineMessage<?> message, Instant deadlineAt) {
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(message.getMetaData(), String.class);
        return scopeFilter(message.getDeadlineName(), scope)
                .append(ID, id)
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData())
                .append(DEADLINE_AT, deadlineAt.toEpochMilli())
                .append(FIRE_AT, deadlineAt.toEpochMilli())
                .append(STATUS, SCHEDULED)
                .append(ATTEMPTS, 0)
                .append(TOKEN, newToken());
    }

    static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** Matches the deadlines of that name in that scope (the serialized scope is compared as a string). */
    Document scopeFilter(String deadlineName, ScopeDescriptor scope) {
        SerializedObject<String> serializedScope = serializer.serialize(normalized(scope), String.class);
        return new Document(NAME, deadlineName)
                .append(SCOPE_TYPE, serializedScope.getType().getName())
                .append(SCOPE, serializedScope.getData());
    }

    DeadlineMessage<?> message(Document document) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(document.getString(PAYLOAD), String.class,
                document.getString(PAYLOAD_TYPE), document.getString(PAYLOAD_REVISION)));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(document.getString(META_DATA),
                String.class, MetaData.class.getName(), null));
        return new GenericDeadlineMessage<>(document.getString(NAME), document.getString(ID), payload, metaData,
                Instant.ofEpochMilli(document.getLong(DEADLINE_AT)));
    }

    ScopeDescriptor scope(Document document) {
        return serializer.deserialize(new SimpleSerializedObject<>(document.getString(SCOPE), String.class,
                document.getString(SCOPE_TYPE), null));
    }

    /**
     * Axon's repositories address an aggregate by {@code identifier.toString()}; storing that string (rather than an
     * identifier object that JSON would bring back as a map) keeps the scope resolvable and comparable.
     */
    private static ScopeDescriptor normalized(ScopeDescriptor scope) {
        if (scope instanceof AggregateScopeDescriptor aggregate && !(aggregate.getIdentifier() instanceof String)) {
            return new AggregateScopeDescriptor(aggregate.getType(), String.valueOf(aggregate.getIdentifier()));
        }
        return scope;
    }
}
