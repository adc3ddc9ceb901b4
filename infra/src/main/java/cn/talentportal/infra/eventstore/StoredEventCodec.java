package cn.talentportal.infra.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

import static cn.talentportal.infra.eventstore.EventFields.*;

/**
 * Reads and writes {@link StoredEvent} straight from and to BSON, without building an intermediate
 * {@code org.bson.Document} (a map per event) on the hot append and replay paths.
 */
public final class StoredEventCodec implements Codec<StoredEvent> {

    private static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(new StoredEventCodec()), MongoClientSettings.getDefaultCodecRegistry());

    /** The database as seen with this codec: collections of {@link StoredEvent} next to plain documents. */
    public static MongoDatabase withCodec(MongoDatabase database) {
        return database.withCodecRegistry(REGISTRY);
    }

    @Override
    public void encode(BsonWriter writer, StoredEvent event, EncoderContext context) {
        writer.writeStartDocument();
        writer.writeInt64(ID, event.globalIndex());
        if (event.belongsToAggregate()) {
            writer.writeString(STREAM_KEY, StoredEvent.streamKey(event.aggregateIdentifier(), event.sequenceNumber()));
            writer.writeString(AGGREGATE_IDENTIFIER, event.aggregateIdentifier());
            writer.writeInt64(SEQUENCE_NUMBER, event.sequenceNumber());
            writeOptional(writer, TYPE, event.type());
        }
        writer.writeString(EVENT_IDENTIFIER, event.eventIdentifier());
        writer.writeDateTime(TIMESTAMP, event.timestampMillis());
        writer.writeString(PAYLOAD_TYPE, event.payloadType());
        writeOptional(writer, PAYLOAD_REVISION, event.payloadRevision());
        writer.writeString(PAYLOAD, event.payload());
        writer.writeString(META_DATA, event.metaData());
        if (event.sealedAtMillis() != null) {
            writer.writeDateTime(SEALED_AT, event.sealedAtMillis());
        }
        writeOptional(writer, PREVIOUS_HASH, event.previousHash());
        writeOptional(writer, HASH, event.hash());
        writer.writeEndDocument();
    }

    private static void writeOptional(BsonWriter writer, String name, String value) {
        if (value != null) {
            writer.writeString(name, value);
        }
    }

    @Override
    public StoredEvent decode(BsonReader reader, DecoderContext context) {
        return read(reader, null);
    }

    /**
     * Reads one event document.
     *
     * @param streamKey told the document's {@code streamKey} when not null (the chain verifier checks it)
     */
    public static StoredEvent read(BsonReader reader, java.util.function.Consumer<String> streamKey) {
        long globalIndex = -1;
        String aggregateIdentifier = null;
        long sequenceNumber = 0;
        String type = null;
        String eventIdentifier = null;
        long timestamp = 0;
        String payloadType = null;
        String payloadRevision = null;
        String payload = null;
        String metaData = null;
        Long sealedAt = null;
        String previousHash = null;
        String hash = null;

        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            BsonType bsonType = reader.getCurrentBsonType();
            if (bsonType == BsonType.NULL) {
                reader.readNull();
                continue;
            }
            switch (name) {
                // Snapshots use the aggregate identifier as _id: only the events' numeric _id is a global index.
                case ID -> {
                    if (bsonType == BsonType.INT64) {
                        globalIndex = reader.readInt64();
                    } else {
                        reader.skipValue();
                    }
                }
                case AGGREGATE_IDENTIFIER -> aggregateIdentifier = reader.readString();
                case STREAM_KEY -> {
                    if (streamKey != null && bsonType == BsonType.STRING) {
                        streamKey.accept(reader.readString());
                    } else {
                        reader.skipValue();
                    }
                }
                case SEQUENCE_NUMBER -> sequenceNumber = readLong(reader, bsonType);
                case TYPE -> type = reader.readString();
                case EVENT_IDENTIFIER -> eventIdentifier = reader.readString();
                case TIMESTAMP -> timestamp = reader.readDateTime();
                case PAYLOAD_TYPE -> payloadType = reader.readString();
                case PAYLOAD_REVISION -> payloadRevision = reader.readString();
                case PAYLOAD -> payload = reader.readString();
                case META_DATA -> metaData = reader.readString();
                case SEALED_AT -> sealedAt = reader.readDateTime();
                case PREVIOUS_HASH -> previousHash = reader.readString();
                case HASH -> hash = reader.readString();
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new StoredEvent(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timestamp,
                payloadType, payloadRevision, payload, metaData, sealedAt, previousHash, hash);
    }

    private static long readLong(BsonReader reader, BsonType bsonType) {
        return bsonType == BsonType.INT32 ? reader.readInt32() : reader.readInt64();
    }

    @Override
    public Class<StoredEvent> getEncoderClass() {
        return StoredEvent.class;
    }
}
