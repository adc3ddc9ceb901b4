package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyDataTypeTest {

    private final IndexKeyDataType type = new IndexKeyDataType();

    /** Raw values as documents carry them; the index sees them normalized, as here. */
    private static List<KeyValue> keys() {
        ObjectId objectId = new ObjectId();
        List<Object> values = new ArrayList<>(Arrays.asList(
                null, Missing.getInstance(), MinKey.getInstance(), MaxKey.getInstance(),
                0, -0.0, 0.0, 1, 1L, 1.0, 1.5f, -1, 2, 42L, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1, 9.3e18, -9.3e18, 1e300,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                "", "a", "b", "agg-1/0", "agg-1/10", "护士",
                new Document("a", 1), new Document("a", 1.0), new Document("a", 2), new Document("a", 1).append("b", 2),
                new Document("b", 2).append("a", 1), new Document("a", List.of(1, 2)), new Document("a", List.of(1, 3)),
                new Document(), new Document("a", null),
                List.of(), List.of(1, 2), List.of(1, 3), List.of(1, 2, 3), List.of("x"),
                objectId, new ObjectId(objectId.toByteArray()), new ObjectId(),
                true, false, Instant.ofEpochMilli(5), Instant.ofEpochMilli(6),
                new UUID(1, 2), new UUID(1, 3), new BinData(new byte[]{1, 2}), new BinData(new byte[]{1, 3}),
                new BsonTimestamp(7), new BsonTimestamp(8),
                new BsonRegularExpression("^a", ""), new BsonRegularExpression("^b", "i")));
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : values) {
            keys.add(new KeyValue(value).normalized());
        }
        keys.add(new KeyValue("a", 1).normalized());
        keys.add(new KeyValue("a", 1L).normalized());
        keys.add(new KeyValue("a", 2).normalized());
        keys.add(new KeyValue(1, "a").normalized());
        keys.add(new KeyValue(null, null).normalized());
        return keys;
    }

    @Test
    void comparesEqualExactlyWhenTheLibraryConsidersTheNormalizedKeysEqual() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(type.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(type.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(-Integer.signum(type.compare(b, a)));
            }
        }
    }

    @Test
    void isATotalOrder() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                for (KeyValue c : keys) {
                    if (type.compare(a, b) <= 0 && type.compare(b, c) <= 0) {
                        assertThat(type.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Test
    void followsMongoTypeOrderAndNumericOrder() {
        List<KeyValue> ordered = List.of(new KeyValue(MinKey.getInstance()), new KeyValue((Object) null),
                new KeyValue(Double.NEGATIVE_INFINITY), new KeyValue(-(1L << 53) - 1), new KeyValue(-1.0),
                new KeyValue(0.5), new KeyValue((1L << 53) + 1), new KeyValue(1e300), new KeyValue("a"),
                new KeyValue(new Document("a", 1.0)), new KeyValue((Object) List.of(1.0)), new KeyValue(new ObjectId()),
                new KeyValue(false), new KeyValue(Instant.EPOCH), new KeyValue(MaxKey.getInstance()));
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(type.compare(ordered.get(i - 1), ordered.get(i))).as("%s < %s", ordered.get(i - 1), ordered.get(i))
                    .isNegative();
        }
    }

    @Test
    void storesKeysAsTheStockObjectType() {
        for (KeyValue key : keys()) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            KeyValue read = type.read(buffer.getBuffer().flip());
            assertThat(type.compare(read, key)).as("%s", key).isZero();
        }
    }
}
