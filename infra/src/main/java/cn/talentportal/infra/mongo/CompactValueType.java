package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H2's {@link ObjectDataType} with a compact form for the embedded store's documents and index keys
 * (docs/decisions/0037-compact-embedded-values.md). The stock type Java-serializes both: a page read from the file
 * then spent most of its time in {@code ObjectInputStream} (class descriptors, a {@code HashMap} rebuilt per
 * document), and the cache counted each value at twice its serialized size, so a store of a million events no longer
 * fitted a 1 GB cache.
 * <p>
 * Documents and keys are written as a tag this class owns followed by their values: strings as UTF-8, numbers,
 * booleans, nested documents, {@code ArrayList}s, {@link Instant}s and {@link ObjectId}s directly; any other value
 * (binary, UUIDs, timestamps, regular expressions, other collections) as the stock type writes it. Every value is
 * read back as the same class with the same content. Values written by the stock type (every store before this
 * change) are read as before, so an older store is read as it is and converted page by page as it is written.
 */
class CompactValueType extends ObjectDataType {

    /** Tags no stock value starts with (H2 uses 0–19, 32–49 and 64–119). */
    static final int DOCUMENT_TAG = 60;
    static final int KEY_TAG = 61;

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int TRUE = 5;
    private static final int FALSE = 6;
    private static final int DOCUMENT = 7;
    private static final int LIST = 8;
    private static final int INSTANT = 9;
    private static final int OBJECT_ID = 10;
    private static final int STOCK = 11;

    /**
     * Field names read, one instance each, so that a million cached documents do not each hold their own copies of
     * the same few names. Bounded: documents that use data as field names (a map by id) cannot fill the heap.
     */
    private static final int MAX_NAMES = 4096;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /** Heap sizes for the cache's accounting (64-bit JVM, compressed references): headers, entries, references. */
    private static final int OBJECT = 16;
    private static final int MAP_ENTRY = 40;
    private static final int REFERENCE = 4;
    /** A {@code String} and its array, without the characters. */
    private static final int STRING_OBJECT = 40;

    @Override
    public int getMemory(Object obj) {
        if (isDocument(obj) || obj instanceof KeyValue) {
            return memory(obj);
        }
        return super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (isDocument(obj)) {
            buff.put((byte) DOCUMENT_TAG);
            writeDocument(buff, (Document) obj);
        } else if (obj instanceof KeyValue key) {
            buff.put((byte) KEY_TAG).putVarInt(key.size());
            for (Object value : key) {
                writeValue(buff, value);
            }
        } else {
            super.write(buff, obj);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        int tag = buff.get(buff.position());
        if (tag == DOCUMENT_TAG) {
            buff.get();
            return readDocument(buff);
        }
        if (tag == KEY_TAG) {
            buff.get();
            return new KeyValue(readValues(buff)); // copies them into its own list
        }
        return super.read(buff);
    }

    private static boolean isDocument(Object obj) {
        return obj != null && obj.getClass() == Document.class;
    }

    private void writeDocument(WriteBuffer buff, Document document) {
        buff.putVarInt(document.size());
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            writeString(buff, entry.getKey());
            writeValue(buff, entry.getValue());
        }
    }

    private Document readDocument(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        Document document = new Document();
        for (int i = 0; i < size; i++) {
            String key = name(readString(buff));
            document.put(key, readValue(buff));
        }
        return document;
    }

    private void writeValue(WriteBuffer buff, Object value) {
        if (value == null) {
            buff.put((byte) NULL);
        } else if (value instanceof String s) {
            buff.put((byte) STRING);
            writeString(buff, s);
        } else if (value instanceof Integer i) {
            buff.put((byte) INT).putVarInt(i);
        } else if (value instanceof Long l) {
            buff.put((byte) LONG).putVarLong(l);
        } else if (value instanceof Double d) {
            buff.put((byte) DOUBLE).putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            buff.put((byte) (b ? TRUE : FALSE));
        } else if (isDocument(value)) {
            buff.put((byte) DOCUMENT);
            writeDocument(buff, (Document) value);
        } else if (value.getClass() == ArrayList.class) {
            List<?> list = (List<?>) value;
            buff.put((byte) LIST).putVarInt(list.size());
            for (Object element : list) {
                writeValue(buff, element);
            }
        } else if (value instanceof Instant instant) {
            buff.put((byte) INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
        } else if (value.getClass() == ObjectId.class) {
            buff.put((byte) OBJECT_ID).put(((ObjectId) value).toByteArray());
        } else {
            buff.put((byte) STOCK);
            super.write(buff, value);
        }
    }

    private Object readValue(ByteBuffer buff) {
        int type = buff.get();
        return switch (type) {
            case NULL -> null;
            case STRING -> readString(buff);
            case INT -> DataUtils.readVarInt(buff);
            case LONG -> DataUtils.readVarLong(buff);
            case DOUBLE -> Double.longBitsToDouble(buff.getLong());
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case DOCUMENT -> readDocument(buff);
            case LIST -> new ArrayList<>(Arrays.asList(readValues(buff)));
            case INSTANT -> Instant.ofEpochSecond(buff.getLong(), buff.getInt());
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                buff.get(bytes);
                yield new ObjectId(bytes);
            }
            case STOCK -> super.read(buff);
            default -> throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
                    "Unknown value type {0} in a compact document", type);
        };
    }

    private static String name(String read) {
        String known = NAMES.get(read);
        if (known != null) {
            return known;
        }
        if (NAMES.size() < MAX_NAMES) {
            known = NAMES.putIfAbsent(read, read);
            return known == null ? read : known;
        }
        return read;
    }

    /**
     * UTF-8, with the length shifted left by one. A string with a surrogate (rare: an emoji, or an unpaired one that
     * UTF-8 would turn into '?') is written as H2 writes strings, char by char, marked by the low bit: exact for every
     * Java string.
     */
    /** A count, then as many values: a key's or a list's. */
    private Object[] readValues(ByteBuffer buff) {
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(buff);
        }
        return values;
    }

    private static void writeString(WriteBuffer buff, String s) {
        if (hasSurrogate(s)) {
            buff.putVarInt(s.length() << 1 | 1).putStringData(s, s.length());
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buff.putVarInt(bytes.length << 1).put(bytes);
    }

    private static String readString(ByteBuffer buff) {
        int header = DataUtils.readVarInt(buff);
        int length = header >>> 1;
        if (length > buff.remaining()) { // a damaged page: say so rather than read the bytes after it
            throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
                    "String of {0} bytes with {1} left in a compact value", length, buff.remaining());
        }
        if ((header & 1) == 1) {
            return DataUtils.readString(buff, length);
        }
        String s;
        if (buff.hasArray()) {
            s = new String(buff.array(), buff.arrayOffset() + buff.position(), length, StandardCharsets.UTF_8);
            buff.position(buff.position() + length);
        } else {
            byte[] bytes = new byte[length];
            buff.get(bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return s;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An estimate of a value's heap size, as the page cache counts it. */
    private int memory(Object value) {
        if (value == null || value instanceof Boolean) {
            return REFERENCE;
        }
        if (value instanceof String s) {
            return REFERENCE + STRING_OBJECT + s.length() * (isLatin1(s) ? 1 : 2);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return REFERENCE + OBJECT;
        }
        if (isDocument(value)) {
            int memory = REFERENCE + OBJECT + 56 + OBJECT + 4 * ((Document) value).size() * 2; // map and its table
            for (Map.Entry<String, Object> entry : ((Document) value).entrySet()) {
                String name = entry.getKey();
                memory += MAP_ENTRY + (NAMES.get(name) == name ? REFERENCE : memory(name)) + memory(entry.getValue());
            }
            return memory;
        }
        if (value instanceof KeyValue || value.getClass() == ArrayList.class) {
            int memory = REFERENCE + 3 * OBJECT + 8; // (key,) list and its array
            for (Object element : (Iterable<?>) value) {
                memory += memory(element);
            }
            return memory;
        }
        if (value instanceof Instant || value.getClass() == ObjectId.class) {
            return REFERENCE + OBJECT + 32;
        }
        return super.getMemory(value);
    }

    /** Whether the JVM holds the string in one byte a character (Latin-1), as compact strings do. */
    private static boolean isLatin1(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
