package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.Map.Entry;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The H2 backend's collection, answering a range on {@code _id} ({@code {_id: {$gte|$gt: a, $lte|$lt: b}}}, numbers
 * of magnitude below 2^31) from the {@code _id} index: its keys from {@code a} to {@code b} are walked in order and
 * only the documents of the keys in the range are fetched. The stock collection uses a unique index only for
 * exact matches and {@code $in}, so such a range scanned every document up to the end of the range (decision 0032);
 * on a real MongoDB the same query is an index scan too.
 * <p>
 * Same documents as the stock path: the index holds every {@code _id}, numbers normalized to their value and ordered by
 * it ({@link IndexKeyDataType}), so the key of a number says whether it is in the range (decision 0036); a NaN
 * {@code _id} is matched as the stock path matches it. Skip, limit, sort and projection are applied as by the stock path; without a sort the
 * documents come in {@code _id} order (the stock path gives the storage order, which MongoDB does not promise either).
 */
final class IdRangeH2Collection extends H2Collection {

    private static final Set<String> LOWER = Set.of("$gt", "$gte");
    private static final Set<String> UPPER = Set.of("$lt", "$lte");
    /**
     * Bounds below this magnitude: numbers compare by value alike in the index and in the library's matcher. The
     * matcher compares as longs when one side is a whole number of magnitude 2^31 or more, which truncates a fraction
     * on the other side (3000000000.5 is not above 3000000000 for it); with both bounds below 2^31 that truncation
     * cannot change an answer. Event store positions reach it after two billion events; beyond, the stock path.
     */
    private static final double EXACT_LIMIT = 0x1p31;
    private static final KeyValue NAN = new KeyValue(Double.NaN);
    private static final Document MATCH_ALL = new Document();

    /** The unique index on {@code _id} alone, once the database has added it. */
    private volatile OrderedKeyUniqueIndex idIndex;
    private final MVMap<Object, Document> dataMap;
    /**
     * True while an update runs (under this collection's lock, as every operation of the library): the documents it
     * reads are then copies. The library's update changes the document it read in place and then puts it back; that
     * object is the one the map holds, and the store may be writing its page at that moment on a committing thread
     * (seen as a ConcurrentModificationException that closed the store, or a document written half updated). With a
     * copy the update puts a new object, and a stored document is never changed.
     */
    private boolean updating;

    IdRangeH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return updating && stored != null ? new Document(stored) : stored;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (!updating) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // the stock scan, over copies (an update's sort is by fields, never the natural descending order)
        Stream<Document> copies = isNaturalDescending(orderBy)
                ? super.streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(positioned -> new Document(positioned.getDocument()))
                : dataMap.values().stream().map(Document::new);
        return matchDocumentsFromStream(copies, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (getIdField() != null && index instanceof OrderedKeyUniqueIndex ordered && ordered.isOnlyOn(getIdField())) {
            idIndex = ordered;
        }
    }

    @Override
    public void dropIndex(String indexName) {
        OrderedKeyUniqueIndex index = idIndex;
        if (index != null && index.getName().equals(indexName)) {
            idIndex = null;
        }
        super.dropIndex(indexName);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        OrderedKeyUniqueIndex index = idIndex;
        if (index != null && sortsByIdAtMost(orderBy)) {
            IdRange range = idRange(query, getIdField());
            if (range != null) {
                return matchDocuments(MATCH_ALL, positions(index, range, query), orderBy, numberToSkip, limit,
                        batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The positions of the documents the query matches, in {@code _id} order. The index keys of numbers are their
     * values, so a key decides alone whether its document is in the range: the documents are not matched again (the
     * library's matcher was half of a range read's time). The one exception is a NaN {@code _id}, last in the index
     * order: the library's matcher lets it pass some numeric ranges (MongoDB does not), and the answer must stay the
     * stock one, so that document is matched as the stock path would.
     */
    private Iterable<Object> positions(OrderedKeyUniqueIndex index, IdRange range, Document query) {
        return () -> new Iterator<>() {
            private final Iterator<Entry<KeyValue, Object>> entries =
                    index.entriesBetween(new KeyValue(range.lower()), new KeyValue(range.upper()));
            private Object nan = index.getPosition(NAN);
            private Object next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    Entry<KeyValue, Object> entry = entries.next();
                    if (range.contains(entry.getKey().get(0))) {
                        next = entry.getValue();
                    }
                }
                if (next == null && nan != null) {
                    if (documentMatchesQuery(getDocument(nan), query)) {
                        next = nan;
                    }
                    nan = null;
                }
                return next != null;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object position = next;
                next = null;
                return position;
            }
        };
    }

    private boolean sortsByIdAtMost(Document orderBy) {
        return orderBy == null || orderBy.isEmpty() || (orderBy.size() == 1 && orderBy.containsKey(getIdField()));
    }

    /**
     * The range of {@code {idField: {lower: a, upper: b}}} (one lower and one upper bound, both numbers other than NaN,
     * below 2^31 in magnitude), or null for any other query.
     */
    static IdRange idRange(Document query, String idField) {
        if (query.size() != 1 || !(query.get(idField) instanceof Document condition) || condition.size() != 2) {
            return null;
        }
        Double lower = null;
        Double upper = null;
        boolean lowerIncluded = false;
        boolean upperIncluded = false;
        for (String operator : condition.keySet()) {
            if (LOWER.contains(operator)) {
                lower = indexKey(condition.get(operator));
                lowerIncluded = operator.equals("$gte");
            } else if (UPPER.contains(operator)) {
                upper = indexKey(condition.get(operator));
                upperIncluded = operator.equals("$lte");
            } else {
                return null;
            }
        }
        if (lower == null || upper == null) {
            return null;
        }
        return new IdRange(lower, lowerIncluded, upper, upperIncluded);
    }

    /** Numeric bounds, each included or not, as the index holds numbers. */
    record IdRange(double lower, boolean lowerIncluded, double upper, boolean upperIncluded) {

        /** Whether an index key (a normalized value: numbers are doubles) lies in the range, as MongoDB compares. */
        boolean contains(Object key) {
            if (!(key instanceof Double value) || value.isNaN()) {
                return false;
            }
            return (lowerIncluded ? value >= lower : value > lower) && (upperIncluded ? value <= upper : value < upper);
        }
    }

    /**
     * A bound as the index holds numbers (the library's {@code Utils.normalizeValue}: a {@code Double}, -0.0 as 0.0),
     * for numbers of magnitude below 2^31 only ({@link #EXACT_LIMIT}). Null for anything else (and for infinities and
     * NaN): such a query is left to the stock path to keep its answers.
     */
    private static Double indexKey(Object bound) {
        if (bound instanceof Integer || bound instanceof Long || bound instanceof Double) {
            double value = ((Number) bound).doubleValue();
            if (!(Math.abs(value) < EXACT_LIMIT)) {
                return null;
            }
            return value == 0.0 ? 0.0 : value; // -0.0 == 0.0
        }
        return null;
    }
}
