package cn.talentportal.infra.privacy;

import cn.talentportal.domain.shared.ChildName;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.infra.eventstore.EventFields;
import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.testing.EmbeddedMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal data through the portal's serializers and event storage engine on the embedded server (decision 0026). */
class PersonalDataEncryptionTest {

    /** An event of a person's stream with two personal values and one that is not personal. */
    record SchoolPlaceNoted(String personId, PhoneNumber phone, ChildName child, String school) {
    }

    /** A snapshot-like state with personal data in a private field. */
    static final class PersonState {
        private String personId;
        private PhoneNumber phone;

        PersonState() {
        }

        PersonState(String personId, PhoneNumber phone) {
            this.personId = personId;
            this.phone = phone;
        }
    }

    static final String PHONE = "13912345678";
    static final String CHILD = "李小明";

    @TempDir
    Path dataDir;
    private EmbeddedMongo mongo;
    private SecretKey master;
    private MongoPersonalDataKeys keys;
    private Serializer events;
    private MongoLookupEventStorageEngine engine;
    private String person;
    private final List<ErasureGeneration> generations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo(dataDir.resolve("mongo"));
        master = MasterKey.resolve("", dataDir.resolve("keys/master.key"));
        keys = newKeys(master);
        events = EventSerializers.jackson(keys);
        engine = MongoLookupEventStorageEngine.builder().mongoDatabase(mongo.database)
                .eventSerializer(events).snapshotSerializer(EventSerializers.snapshots(keys))
                .durability(mongo.durability()).build();
        person = "p-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        generations.forEach(ErasureGeneration::close);
        mongo.close();
    }

    private MongoPersonalDataKeys newKeys(SecretKey masterKey) {
        ErasureGeneration erasures = new ErasureGeneration(mongo.database, Duration.ofMillis(50));
        generations.add(erasures);
        return new MongoPersonalDataKeys(mongo.database, masterKey, Clock.systemUTC(), Duration.ofMinutes(5),
                erasures);
    }

    private void append(String aggregateId, long sequence, Object payload) {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Person", aggregateId, sequence, payload)));
    }

    private List<Object> payloads(String aggregateId) {
        return engine.readEvents(aggregateId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private String storedPayloads() {
        StringBuilder all = new StringBuilder();
        for (Document d : mongo.database.getCollection(EventFields.EVENTS_COLLECTION).find()) {
            all.append(d.toJson());
        }
        for (Document d : mongo.database.getCollection(EventFields.SNAPSHOTS_COLLECTION).find()) {
            all.append(d.toJson());
        }
        for (Document d : mongo.database.getCollection(MongoPersonalDataKeys.COLLECTION).find()) {
            all.append(d.toJson());
        }
        return all.toString();
    }

    @Test
    void personal_values_are_stored_encrypted_and_read_back() {
        SchoolPlaceNoted noted = new SchoolPlaceNoted(person, new PhoneNumber(PHONE), new ChildName(CHILD), "实验小学");
        append(person, 0, noted);

        String stored = storedPayloads();
        assertThat(stored).doesNotContain(PHONE).doesNotContain(CHILD).contains("实验小学").contains("\\\"pd\\\":1");
        assertThat(payloads(person)).containsExactly(noted);
        // a fresh key store (another node, or after a restart) reads them with the master key
        Serializer elsewhere = EventSerializers.jackson(newKeys(master));
        SerializedObject<String> serialized = PersonalDataSubject.serializingFor(person,
                () -> events.serialize(noted, String.class));
        assertThat((Object) elsewhere.deserialize(serialized)).isEqualTo(noted);
    }

    @Test
    void an_erased_key_reads_as_null_everywhere_and_the_rest_of_the_event_stays() {
        append(person, 0, new SchoolPlaceNoted(person, new PhoneNumber(PHONE), new ChildName(CHILD), "实验小学"));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Person", person, 0,
                new PersonState(person, new PhoneNumber(PHONE))));
        String other = "p-" + UUID.randomUUID();
        append(other, 0, new SchoolPlaceNoted(other, new PhoneNumber("13700001111"), new ChildName("王小红"), "二小"));

        keys.erase(List.of(person));

        assertThat(payloads(person)).containsExactly(new SchoolPlaceNoted(person, null, null, "实验小学"));
        PersonState snapshot = (PersonState) engine.readSnapshot(person).orElseThrow().getPayload();
        assertThat(snapshot.phone).isNull();
        assertThat(snapshot.personId).isEqualTo(person);
        // a node that never saw the key, and the other person's data, are unaffected by the cache
        Serializer elsewhere = EventSerializers.jackson(newKeys(master));
        Object readElsewhere = elsewhere.deserialize(PersonalDataSubject.serializingFor(other, () -> events.serialize(
                new SchoolPlaceNoted(other, new PhoneNumber("13700001111"), null, "二小"), String.class)));
        assertThat(readElsewhere).isEqualTo(new SchoolPlaceNoted(other, new PhoneNumber("13700001111"), null, "二小"));
        assertThat(payloads(other)).containsExactly(
                new SchoolPlaceNoted(other, new PhoneNumber("13700001111"), new ChildName("王小红"), "二小"));
        assertThat(storedPayloads()).doesNotContain(PHONE).doesNotContain(CHILD);
    }

    @Test
    void another_node_that_cached_the_key_stops_reading_within_its_poll_of_the_erasure_count() throws Exception {
        append(person, 0, new SchoolPlaceNoted(person, new PhoneNumber(PHONE), null, "实验小学"));
        MongoPersonalDataKeys otherNode = newKeys(master);
        assertThat(otherNode.forReading(person)).isPresent(); // cached there for five minutes
        AtomicInteger forgotten = new AtomicInteger();
        otherNode.onErasure(forgotten::incrementAndGet);

        keys.erase(List.of(person));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (otherNode.forReading(person).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(otherNode.forReading(person)).as("the key on the other node").isEmpty();
        assertThat(forgotten).as("the other node told to forget what it decrypted").hasValueGreaterThan(0);
    }

    @Test
    void an_erased_subject_gets_no_new_key_and_its_later_values_are_not_stored() {
        keys.erase(List.of(person));
        append(person, 0, new SchoolPlaceNoted(person, new PhoneNumber(PHONE), new ChildName(CHILD), "实验小学"));

        assertThat(keys.forWriting(person)).isEmpty();
        assertThat(storedPayloads()).doesNotContain(PHONE).doesNotContain(CHILD);
        assertThat(payloads(person)).containsExactly(new SchoolPlaceNoted(person, null, null, "实验小学"));
    }

    @Test
    void plaintext_written_before_encryption_still_reads() {
        SchoolPlaceNoted legacy = new SchoolPlaceNoted(person, new PhoneNumber(PHONE), new ChildName(CHILD), "实验小学");
        SerializedObject<String> plaintext = EventSerializers.jackson().serialize(legacy, String.class);
        assertThat(plaintext.getData()).contains(PHONE);

        assertThat((Object) events.deserialize(plaintext)).isEqualTo(legacy);
    }

    @Test
    void a_changed_or_moved_ciphertext_is_refused() {
        SchoolPlaceNoted noted = new SchoolPlaceNoted(person, new PhoneNumber(PHONE), null, "实验小学");
        SerializedObject<String> serialized = PersonalDataSubject.serializingFor(person,
                () -> events.serialize(noted, String.class));
        String data = serialized.getData();
        int c = data.indexOf("\"c\":\"") + 5;
        char flipped = data.charAt(c + 20) == 'A' ? 'B' : 'A';
        String tampered = data.substring(0, c + 20) + flipped + data.substring(c + 21);
        assertThatThrownBy(() -> events.deserialize(withData(serialized, tampered)))
                .hasRootCauseInstanceOf(TamperedPersonalDataException.class);

        // the same envelope relabelled as another person's (who has a key): the associated data no longer matches
        String other = "p-" + UUID.randomUUID();
        keys.forWriting(other);
        String moved = data.replace("\"k\":\"" + person + "\"", "\"k\":\"" + other + "\"");
        assertThat(moved).isNotEqualTo(data);
        assertThatThrownBy(() -> events.deserialize(withData(serialized, moved)))
                .hasRootCauseInstanceOf(TamperedPersonalDataException.class);
    }

    @Test
    void data_keys_do_not_open_with_another_master_key() {
        append(person, 0, new SchoolPlaceNoted(person, new PhoneNumber(PHONE), null, "实验小学"));
        SecretKey wrongMaster = MasterKey.resolve("", dataDir.resolve("keys/other.key"));

        assertThatThrownBy(() -> newKeys(wrongMaster).forReading(person))
                .isInstanceOf(TamperedPersonalDataException.class);
    }

    @Test
    void personal_data_without_a_subject_is_never_written() {
        SchoolPlaceNoted noted = new SchoolPlaceNoted(person, new PhoneNumber(PHONE), null, "实验小学");

        assertThatThrownBy(() -> events.serialize(noted, String.class))
                .hasRootCauseInstanceOf(PersonalDataWithoutSubjectException.class);
        // an event of no aggregate through the engine: refused, nothing stored
        assertThatThrownBy(() -> engine.appendEvents(List.of(GenericEventMessage.asEventMessage(noted))))
                .hasRootCauseInstanceOf(PersonalDataWithoutSubjectException.class);
        assertThat(storedPayloads()).doesNotContain(PHONE);
        // values that are not personal need no subject
        assertThat(events.serialize("just text", String.class).getData()).contains("just text");
    }

    private static SerializedObject<String> withData(SerializedObject<String> original, String data) {
        return new SimpleSerializedObject<>(data, String.class,
                new SimpleSerializedType(original.getType().getName(), original.getType().getRevision()));
    }
}
