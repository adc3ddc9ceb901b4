package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The H2 backend's unique index ({@code H2UniqueIndex}, whose constructor is package-private) over a map whose keys
 * use {@link IndexKeyDataType}. Same map, same entries, same behaviour; only the key comparison differs.
 */
final class OrderedKeyUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> mvMap;

    OrderedKeyUniqueIndex(MVMap<KeyValue, Object> mvMap, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.mvMap = mvMap;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return mvMap.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return mvMap.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return mvMap.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return mvMap.get(keyValue);
    }

    /** Whether this index is on {@code field} alone. */
    boolean isOnlyOn(String field) {
        return keys().equals(List.of(field));
    }

    /** The entries (key, position) from {@code from} to {@code to} (both included), in key order, read lazily. */
    Iterator<Entry<KeyValue, Object>> entriesBetween(KeyValue from, KeyValue to) {
        Cursor<KeyValue, Object> cursor = mvMap.cursor(from, to, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Entry<KeyValue, Object> next() {
                KeyValue key = cursor.next();
                return Map.entry(key, cursor.getValue());
            }
        };
    }

    @Override
    public long getCount() {
        return mvMap.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return mvMap.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
