package cn.talentportal.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import cn.talentportal.infra.privacy.PersonalDataModule;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Instant;

/** The one serializer of the portal for events, snapshots, messages, tokens and sagas: Jackson, never XStream. */
public final class EventSerializers {

    private EventSerializers() {
    }

    /**
     * Jackson with java.time as ISO strings; unknown properties are tolerated so old readers survive new fields.
     * Without personal-data protection: for tests of other concerns (the portal uses {@link #jackson(PersonalDataKeys)}).
     */
    public static JacksonSerializer jackson() {
        return new PortalJacksonSerializer(JacksonSerializer.builder().objectMapper(mapper()));
    }

    /**
     * As {@link #jackson()}, with every {@code @PersonalData} value encrypted by its subject's key (decision 0026);
     * writing one outside an event or snapshot of a stream fails.
     */
    public static JacksonSerializer jackson(PersonalDataKeys keys) {
        return new PortalJacksonSerializer(
                JacksonSerializer.builder().objectMapper(mapper().registerModule(new PersonalDataModule(keys))));
    }

    /**
     * Snapshots serialize aggregates, whose state is private fields without getters (aggregates expose behaviour,
     * not data): this serializer reads and writes fields.
     */
    public static JacksonSerializer snapshots() {
        return new PortalJacksonSerializer(JacksonSerializer.builder().objectMapper(snapshotMapper()));
    }

    /** As {@link #snapshots()}, personal data encrypted by the key of the snapshot's aggregate. */
    public static JacksonSerializer snapshots(PersonalDataKeys keys) {
        return new PortalJacksonSerializer(JacksonSerializer.builder()
                .objectMapper(snapshotMapper().registerModule(new PersonalDataModule(keys))));
    }

    private static ObjectMapper snapshotMapper() {
        return mapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                // registered after JavaTimeModule, so it is asked first: the same instants, read without a formatter
                .registerModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
