package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.StoredEvent;
import cn.talentportal.infra.eventstore.StoredEventCodec;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Decodes event documents for the verifier, never failing on a document: one whose fields have unexpected types
 * (edited by hand) becomes a {@link ChainedEvent} marked malformed, so verification reports it instead of stopping.
 */
final class ChainedEventCodec implements Codec<ChainedEvent> {

    private static final RawBsonDocumentCodec RAW = new RawBsonDocumentCodec();
    private static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(new ChainedEventCodec()), MongoClientSettings.getDefaultCodecRegistry());

    static MongoDatabase withCodec(MongoDatabase database) {
        return database.withCodecRegistry(REGISTRY);
    }

    @Override
    public ChainedEvent decode(BsonReader reader, DecoderContext context) {
        RawBsonDocument raw = RAW.decode(reader, context);
        String[] streamKey = new String[1];
        try (BsonBinaryReader binary = new BsonBinaryReader(raw.getByteBuffer().asNIO())) {
            StoredEvent event = StoredEventCodec.read(binary, key -> streamKey[0] = key);
            return new ChainedEvent(event, streamKey[0], null);
        } catch (RuntimeException e) {
            long globalIndex = -1;
            String aggregate = null;
            long sequence = -1;
            try {
                BsonValue id = raw.get("_id");
                globalIndex = id != null && id.isNumber() ? id.asNumber().longValue() : -1;
                BsonValue aggregateValue = raw.get("aggregateIdentifier");
                aggregate = aggregateValue != null && aggregateValue.isString() ? aggregateValue.asString().getValue()
                        : null;
                BsonValue sequenceValue = raw.get("sequenceNumber");
                sequence = sequenceValue != null && sequenceValue.isNumber() ? sequenceValue.asNumber().longValue()
                        : -1;
            } catch (RuntimeException ignored) {
                // as much as can be read
            }
            StoredEvent partial = new StoredEvent(globalIndex, aggregate, sequence, null, null, 0, null, null, null,
                    null);
            return new ChainedEvent(partial, null, "unreadable document: " + e.getMessage());
        }
    }

    @Override
    public void encode(BsonWriter writer, ChainedEvent value, EncoderContext context) {
        throw new UnsupportedOperationException("The verifier never writes events");
    }

    @Override
    public Class<ChainedEvent> getEncoderClass() {
        return ChainedEvent.class;
    }
}
