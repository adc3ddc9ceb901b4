package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Key type of the embedded server's unique-index maps: {@link KeyValue}s compared by value instead of by their
 * Java serialization (H2's default for non-{@code Comparable} keys, which serializes both sides at every B-tree step).
 * <p>
 * Storage delegates to {@link CompactValueType} (H2's {@link ObjectDataType} with a compact form for keys, which reads
 * the stock backend's bytes too); the order differs from the stock one, so a map written with the stock order must be
 * rebuilt before use ({@link IndexKeyOrderH2Backend}).
 * <p>
 * The order is MongoDB's type order (MinKey, null, numbers, strings, documents, arrays, binary, UUIDs, ObjectIds,
 * booleans, dates, timestamps, regular expressions, MaxKey), and {@code compare == 0} exactly when the library's
 * index considers two keys equal: keys reach the index normalized ({@code Utils.normalizeValue}: missing becomes
 * {@code null}, numbers become {@code Double} or, beyond 2^53, {@code Long}), the in-memory backend matches them by
 * {@link KeyValue#equals} and the stock H2 backend by equal serialization. Hence documents compare field by field
 * in field order (as {@link Document#equals}), arrays element by element, and values of different classes are never
 * equal (a {@code Long} and a {@code Double} of the same value cannot both occur after normalization, they are
 * ordered Long first). {@code ValueComparator.asc()} is not used: it compares arrays (also inside documents) by
 * their smallest element, so {@code [1, 2]} and {@code [1, 3]} would collide, and it rejects regular expressions.
 * Types without a value order here (binary, timestamps, regular expressions, other numbers, unknown classes) fall
 * back to {@link ObjectDataType#compare}, i.e. {@code compareTo} or the serialized form, as before.
 */
final class IndexKeyDataType extends BasicDataType<KeyValue> {

    private static final int MIN_KEY = 0;
    private static final int NULL = 1;
    private static final int NUMBER = 2;
    private static final int STRING = 3;
    private static final int DOCUMENT = 4;
    private static final int ARRAY = 5;
    private static final int BINARY = 6;
    private static final int LEGACY_UUID = 7;
    private static final int UUID_ = 8;
    private static final int OBJECT_ID = 9;
    private static final int BOOLEAN = 10;
    private static final int DATE = 11;
    private static final int TIMESTAMP = 12;
    private static final int REGEX = 13;
    private static final int MAX_KEY = 14;
    private static final int OTHER = 15;

    private static final double TWO_POW_63 = 0x1p63;

    /**
     * Serialization (compact since decision 0037; keys of older stores are read as they were written) and the
     * fallback order of the rare types; one per map, as H2's default.
     */
    private final ObjectDataType storage;

    IndexKeyDataType() {
        this(new CompactValueType());
    }

    /** With another serialization: tests write keys as the stock type did, before decision 0037. */
    IndexKeyDataType(ObjectDataType storage) {
        this.storage = storage;
    }

    @Override
    public int getMemory(KeyValue key) {
        return storage.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        storage.write(buff, key);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        return (KeyValue) storage.read(buff);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int sizeA = a.size();
        int sizeB = b.size();
        for (int i = 0, n = Math.min(sizeA, sizeB); i < n; i++) {
            int cmp = compareValues(a.get(i), b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(sizeA, sizeB);
    }

    int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        // hot paths: the event store's keys (_id: long, normalized to Double; streamKey: String)
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (rankA) {
            case NULL, MIN_KEY, MAX_KEY -> 0;
            case NUMBER -> compareNumbers((Number) a, (Number) b);
            case STRING -> ((String) a).compareTo((String) b);
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case ARRAY -> compareLists((List<?>) a, (List<?>) b);
            case UUID_ -> ((UUID) a).compareTo((UUID) b);
            case OBJECT_ID -> compareObjectIds((ObjectId) a, (ObjectId) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case DATE -> ((Instant) a).compareTo((Instant) b);
            case OTHER -> {
                int byClass = a.getClass().getName().compareTo(b.getClass().getName());
                yield byClass != 0 ? byClass : storage.compare(a, b);
            }
            default -> storage.compare(a, b); // BinData, LegacyUUID, BsonTimestamp: compareTo; regex: serialized
        };
    }

    private static int rank(Object value) {
        if (value == null || value instanceof Missing) {
            return NULL;
        } else if (value instanceof Double || value instanceof Long) {
            return NUMBER;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Document) {
            return DOCUMENT;
        } else if (value instanceof List) {
            return ARRAY;
        } else if (value instanceof BinData) {
            return BINARY;
        } else if (value instanceof LegacyUUID) {
            return LEGACY_UUID;
        } else if (value instanceof UUID) {
            return UUID_;
        } else if (value instanceof ObjectId) {
            return OBJECT_ID;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Instant) {
            return DATE;
        } else if (value instanceof BsonTimestamp) {
            return TIMESTAMP;
        } else if (value instanceof BsonRegularExpression) {
            return REGEX;
        } else if (value instanceof MinKey) {
            return MIN_KEY;
        } else if (value instanceof MaxKey) {
            return MAX_KEY;
        }
        return OTHER;
    }

    /** Doubles by {@link Double#compare} (as {@link Double#equals}), longs by value; a long before an equal double. */
    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        } else if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        } else if (a instanceof Long x) {
            return compareLongToDouble(x, (Double) b);
        } else {
            return -compareLongToDouble((Long) b, (Double) a);
        }
    }

    private static int compareLongToDouble(long l, double d) {
        if (Double.isNaN(d) || d >= TWO_POW_63) {
            return -1; // NaN last, as in Double.compare
        }
        if (d < -TWO_POW_63) {
            return 1;
        }
        long integral = (long) d; // exact: |d| < 2^63
        int cmp = Long.compare(l, integral);
        if (cmp != 0) {
            return cmp;
        }
        double fraction = d - integral; // exact: a double with a fraction is below 2^52
        return fraction > 0 ? -1 : fraction < 0 ? 1 : -1; // numerically equal: Long first, never 0
    }

    private int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> itA = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> itB = b.entrySet().iterator();
        while (itA.hasNext() && itB.hasNext()) {
            Map.Entry<String, Object> entryA = itA.next();
            Map.Entry<String, Object> entryB = itB.next();
            int cmp = entryA.getKey().compareTo(entryB.getKey());
            if (cmp == 0) {
                cmp = compareValues(entryA.getValue(), entryB.getValue());
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(itA.hasNext(), itB.hasNext());
    }

    private int compareLists(List<?> a, List<?> b) {
        for (int i = 0, n = Math.min(a.size(), b.size()); i < n; i++) {
            int cmp = compareValues(a.get(i), b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private int compareObjectIds(ObjectId a, ObjectId b) {
        int cmp = a.compareTo(b);
        return cmp != 0 || a.getClass() == b.getClass() ? cmp : storage.compare(a, b);
    }
}
