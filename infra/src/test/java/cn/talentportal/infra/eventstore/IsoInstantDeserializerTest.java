package cn.talentportal.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written {@link Instant} reader gives exactly what jackson-datatype-jsr310 gives, for any input. */
class IsoInstantDeserializerTest {

    record Stamped(Instant at) {
    }

    record Formatted(@JsonFormat(pattern = "yyyy/MM/dd HH:mm", timezone = "UTC") Instant at) {
    }

    private static final ObjectMapper STANDARD = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void readsTheWrittenFormLikeInstantParse() {
        List<String> texts = new ArrayList<>(List.of("2026-11-21T10:15:30Z", "2026-11-21T10:15:30.123Z",
                "2026-11-21T10:15:30.1Z", "2026-11-21T10:15:30.000000001Z", "2026-11-21T10:15:30.999999999Z",
                "2026-11-21T10:15:30.120Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
                "2000-02-29T00:00:00.5Z", "1900-03-01T00:00:00Z"));
        Random random = new Random(32);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = min + (long) (random.nextDouble() * (max - min));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            texts.add(Instant.ofEpochSecond(second, nanos).toString());
        }
        for (String text : texts) {
            assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherFormToTheStandardDeserializer() {
        for (String text : List.of("+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-11-21T10:15:30+01:00",
                "2026-11-21T10:15:30.5-08:00", "2026-11-21T23:59:60Z", "2026-11-21t10:15:30Z", "2026-11-21T10:15:30z",
                "2026-11-21T10:15:30.Z", "2026-11-21T10:15:30.1234567890Z", "2026-11-21T10:15Z", " 2026-11-21T10:15:30Z",
                "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T10:60:00Z",
                "2026-11-21T10:15:3aZ", "2026-11-21 10:15:30Z", "２０２６-11-21T10:15:30Z", "")) {
            assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isNull();
        }
    }

    @Test
    void theEventSerializerReadsWhatTheStandardDeserializerReads() throws Exception {
        ObjectMapper ours = ((JacksonSerializer) EventSerializers.jackson()).getObjectMapper();
        List<String> documents = new ArrayList<>();
        for (String text : List.of("2026-11-21T10:15:30.123Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "2026-11-21T10:15:30+01:00", "2026-11-21T23:59:60Z", "2026-02-30T00:00:00Z", "nonsense", "",
                " 2026-11-21T10:15:30Z ")) {
            documents.add("{\"at\":\"" + text + "\"}");
        }
        documents.addAll(List.of("{\"at\":1763720130}", "{\"at\":1763720130.123456789}", "{\"at\":null}", "{}",
                "{\"at\":[1]}", "{\"at\":true}"));
        for (String document : documents) {
            assertThat(outcome(ours, document, Stamped.class)).as(document)
                    .isEqualTo(outcome(STANDARD, document, Stamped.class));
        }
        String formatted = "{\"at\":\"2026/11/21 10:15\"}";
        assertThat(outcome(ours, formatted, Formatted.class)).isEqualTo(outcome(STANDARD, formatted, Formatted.class))
                .isEqualTo("Formatted[at=2026-11-21T10:15:00Z]");
    }

    @Test
    void anEventRoundTripsExactly() {
        JacksonSerializer serializer = EventSerializers.jackson();
        for (Instant at : List.of(Instant.parse("2026-11-21T10:15:30.123456789Z"), Instant.EPOCH,
                Instant.parse("+12026-01-01T00:00:00Z"), Instant.parse("-0044-03-15T12:00:00.5Z"))) {
            SerializedObject<String> serialized = serializer.serialize(new Stamped(at), String.class);
            assertThat(serializer.<String, Stamped>deserialize(serialized)).isEqualTo(new Stamped(at));
        }
    }

    private static String outcome(ObjectMapper mapper, String document, Class<?> type) {
        try {
            return String.valueOf(mapper.readValue(document, type));
        } catch (Exception e) {
            return "fails: " + e.getClass().getSimpleName();
        }
    }
}
