package cn.talentportal.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/** The one serializer of the portal for events, snapshots, messages, tokens and sagas: Jackson, never XStream. */
public final class EventSerializers {

    private EventSerializers() {
    }

    /** Jackson with java.time as ISO strings; unknown properties are tolerated so old readers survive new fields. */
    public static JacksonSerializer jackson() {
        return JacksonSerializer.builder().objectMapper(mapper()).build();
    }

    /**
     * Snapshots serialize aggregates, whose state is private fields without getters (aggregates expose behaviour,
     * not data): this serializer reads and writes fields.
     */
    public static JacksonSerializer snapshots() {
        ObjectMapper mapper = mapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
