package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CompactValueTypeTest {

    @TempDir
    Path dir;

    private final CompactValueType type = new CompactValueType();

    /** A document with every kind of value the server stores, nested. */
    private static Document everyKind() {
        Document inner = new Document("护士", "急需护士长").append("n", -7).append("empty", new Document());
        List<Object> list = new ArrayList<>(Arrays.asList(1, "two", null, 3.5, new Document("x", 1L),
                new ArrayList<>(List.of(Long.MIN_VALUE))));
        Map<String, Object> plainMap = new LinkedHashMap<>();
        plainMap.put("k", 1);
        return new Document("_id", 123_456L)
                .append("string", "正文 with ascii")
                .append("emoji", "招聘 \uD83D\uDE00 ok")
                .append("unpairedSurrogate", "a\uD800b")
                .append("\uD83D\uDE00 name", "a field name with an emoji")
                .append("emptyString", "")
                .append("nullValue", null)
                .append("int", Integer.MIN_VALUE)
                .append("intMax", Integer.MAX_VALUE)
                .append("long", Long.MIN_VALUE)
                .append("longSmall", 5L)
                .append("double", -0.0)
                .append("nan", Double.NaN)
                .append("infinity", Double.NEGATIVE_INFINITY)
                .append("true", true)
                .append("false", false)
                .append("instant", Instant.ofEpochSecond(-1, 999_999_999))
                .append("objectId", new ObjectId())
                .append("document", inner)
                .append("list", list)
                .append("unmodifiableList", List.of(1, 2))
                .append("bytes", new byte[] {1, 2, 3})
                .append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("timestamp", new BsonTimestamp(42L))
                .append("binData", new BinData(new byte[] {4, 5}))
                .append("decimal", new Decimal128(new java.math.BigDecimal("12.50")))
                .append("hashMap", new HashMap<>(plainMap))
                .append("float", 1.5f)
                .append("short", (short) 3);
    }

    private Object roundTrip(ObjectDataType writer, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        Object read = type.read(bytes);
        assertThat(bytes.remaining()).as("every byte read").isZero();
        return read;
    }

    @Test
    void documents_come_back_equal_with_every_value_of_the_same_class() {
        Document written = everyKind();
        Document read = (Document) roundTrip(type, written);

        assertThat(read.keySet()).containsExactlyElementsOf(written.keySet());
        for (String key : written.keySet()) {
            Object expected = written.get(key);
            Object actual = read.get(key);
            if (expected == null) {
                assertThat(actual).as(key).isNull();
            } else if (expected instanceof byte[] bytes) {
                assertThat((byte[]) actual).as(key).isEqualTo(bytes);
            } else {
                assertThat(actual).as(key).isEqualTo(expected).hasSameClassAs(expected);
            }
        }
        assertThat(Double.doubleToRawLongBits((Double) read.get("double")))
                .as("-0.0 stays -0.0").isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(((List<?>) read.get("list")).get(5)).isEqualTo(List.of(Long.MIN_VALUE));
    }

    @Test
    void documents_are_written_smaller_than_java_serialization() {
        Document event = new Document("_id", 1_000_001L).append("aggregateIdentifier", "candidate-4711")
                .append("sequenceNumber", 17L).append("type", "Candidate")
                .append("eventIdentifier", UUID.randomUUID().toString()).append("timestamp", 1_763_800_000_000L)
                .append("payloadType", "cn.talentportal.domain.candidate.CandidateRegistered")
                .append("payloadRevision", "1").append("payload", "{\"candidateId\":\"candidate-4711\"}")
                .append("metaData", "{\"user\":\"recruiter-7\"}");
        WriteBuffer compact = new WriteBuffer();
        type.write(compact, event);
        WriteBuffer stock = new WriteBuffer();
        new ObjectDataType().write(stock, event);

        assertThat(compact.position()).isLessThan(stock.position() / 2);
        // the stock type counts a cached document at twice its serialized size; read back, the field names are shared
        Document cached = (Document) roundTrip(type, event);
        assertThat(type.getMemory(cached)).isBetween(compact.position(), 2 * stock.position());
    }

    @Test
    void values_written_by_the_stock_type_are_read_as_before() {
        Document written = everyKind();
        written.remove("bytes"); // byte[] has no equals
        assertThat(roundTrip(new ObjectDataType(), written)).isEqualTo(written);
        assertThat(roundTrip(new ObjectDataType(), new KeyValue(7.0, "x"))).isEqualTo(new KeyValue(7.0, "x"));
        assertThat(roundTrip(new ObjectDataType(), 42L)).isEqualTo(42L);
        assertThat(roundTrip(new ObjectDataType(), "text")).isEqualTo("text");
    }

    @Test
    void index_keys_come_back_equal() {
        KeyValue key = new KeyValue(7.0, "agg-1/0", null, new Document("a", 1), new ArrayList<>(List.of(1.0)),
                new ObjectId(), Long.MAX_VALUE);
        assertThat(roundTrip(type, key)).isEqualTo(key);
        assertThat(roundTrip(type, new KeyValue(1_000_000.0))).isEqualTo(new KeyValue(1_000_000.0));
    }

    @Test
    void a_map_written_by_the_stock_type_reads_on_and_takes_compact_values_beside_the_old_ones() {
        String file = dir.resolve("store.mv").toString();
        Document old = new Document("_id", 1L).append("note", "旧的");
        try (MVStore store = MVStore.open(file)) {
            store.<Object, Document>openMap("databases.talent.events").put(1L, old);
        }
        Document added = new Document("_id", 2L).append("note", "新的").append("at", Instant.parse("2026-11-22T04:00:00Z"));
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> map = store.openMap("databases.talent.events",
                    new MVMap.Builder<Object, Document>().valueType(new CompactValueType()));
            assertThat(map.get(1L)).isEqualTo(old);
            map.put(2L, added);
        }
        try (MVStore store = new MVStore.Builder().fileName(file).cacheSize(1).open()) {
            MVMap<Object, Document> map = store.openMap("databases.talent.events",
                    new MVMap.Builder<Object, Document>().valueType(new CompactValueType()));
            assertThat(map.get(1L)).isEqualTo(old);
            assertThat(map.get(2L)).isEqualTo(added);
        }
    }
}
