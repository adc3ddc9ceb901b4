package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.eventstore.TestEvents.CandidateNoted;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what Axon's own serializer reads, from the JSON strings the store keeps, and the same from bytes. */
class PortalJacksonSerializerTest {

    private final JacksonSerializer serializer = EventSerializers.jackson();
    private final CandidateNoted event = new CandidateNoted("c-1", "护士长 note", Instant.parse("2026-11-21T10:15:30.123Z"));

    @Test
    void readsAnEventFromItsStoredStringAndFromBytesAlike() {
        SerializedObject<String> stored = serializer.serialize(event, String.class);

        CandidateNoted fromString = serializer.deserialize(stored);
        CandidateNoted fromBytes = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getData().getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType()));

        assertThat(fromString).isEqualTo(event).isEqualTo(fromBytes);
    }

    @Test
    void readsMetaDataFromItsStoredString() {
        MetaData metaData = MetaData.with("user", "recruiter-7").and("role", "RECRUITER");
        SerializedObject<String> stored = serializer.serialize(metaData, String.class);

        MetaData read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(metaData);
    }

    @Test
    void aTypeOfAnotherRevisionIsTheSameClassAndAnUnknownTypeStaysUnknown() {
        assertThat(serializer.classForType(new SimpleSerializedType(CandidateNoted.class.getName(), "1")))
                .isEqualTo(CandidateNoted.class);
        assertThat(serializer.classForType(new SimpleSerializedType(CandidateNoted.class.getName(), "2")))
                .isEqualTo(CandidateNoted.class);

        SimpleSerializedType gone = new SimpleSerializedType("cn.talentportal.domain.NoSuchEvent", "1");
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        Object read = serializer.deserialize(new SimpleSerializedObject<>("{\"a\":1}", String.class, gone));
        assertThat(read).isInstanceOf(UnknownSerializedType.class);
    }

    @Test
    void anEmptyTypeReadsAsNothing() {
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>("", String.class,
                SimpleSerializedType.emptyType()))).isNull();
    }
}
