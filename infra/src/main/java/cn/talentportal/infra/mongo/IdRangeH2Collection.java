package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The H2 backend's collection, answering a range on {@code _id} ({@code {_id: {$gte|$gt: a, $lte|$lt: b}}}, numbers
 * of magnitude below 2^53) from the {@code _id} index: its keys from {@code a} to {@code b} are walked in order and
 * only their documents are fetched and matched against the query. The stock collection uses a unique index only for
 * exact matches and {@code $in}, so such a range scanned every document up to the end of the range (decision 0032);
 * on a real MongoDB the same query is an index scan too.
 * <p>
 * Same documents as the stock path: the walked keys are a superset of the numbers in the range (the index holds every
 * {@code _id}, numbers normalized and ordered by value, {@link IndexKeyDataType}) and each document is still matched
 * against the whole query. Skip, limit, sort and projection are applied as by the stock path; without a sort the
 * documents come in {@code _id} order (the stock path gives the storage order, which MongoDB does not promise either).
 */
final class IdRangeH2Collection extends H2Collection {

    private static final Set<String> LOWER = Set.of("$gt", "$gte");
    private static final Set<String> UPPER = Set.of("$lt", "$lte");
    /** Below this magnitude every long is a double and numbers compare exactly, in the index and in the matcher. */
    private static final double EXACT_LIMIT = 0x1p53;
    private static final KeyValue NAN = new KeyValue(Double.NaN);

    /** The unique index on {@code _id} alone, once the database has added it. */
    private volatile OrderedKeyUniqueIndex idIndex;

    IdRangeH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
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
            KeyValue[] range = idRange(query, getIdField());
            if (range != null) {
                return matchDocuments(query, positions(index, range), orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The positions of the keys in the range and, last (its place in the index order), that of a NaN {@code _id}: the
     * library's matcher lets NaN pass some numeric ranges (MongoDB does not), and the answer must stay the stock one.
     */
    private static Iterable<Object> positions(OrderedKeyUniqueIndex index, KeyValue[] range) {
        Iterable<Object> inRange = index.positionsBetween(range[0], range[1]);
        Object nan = index.getPosition(NAN);
        return nan == null ? inRange : () -> Stream.concat(StreamSupport.stream(inRange.spliterator(), false),
                Stream.of(nan)).iterator();
    }

    private boolean sortsByIdAtMost(Document orderBy) {
        return orderBy == null || orderBy.isEmpty() || (orderBy.size() == 1 && orderBy.containsKey(getIdField()));
    }

    /**
     * The index keys bounding {@code {idField: {lower: a, upper: b}}} (one lower and one upper bound, both numbers
     * other than NaN), or null for any other query.
     */
    static KeyValue[] idRange(Document query, String idField) {
        if (query.size() != 1 || !(query.get(idField) instanceof Document condition) || condition.size() != 2) {
            return null;
        }
        Object lower = null;
        Object upper = null;
        for (String operator : condition.keySet()) {
            if (LOWER.contains(operator)) {
                lower = indexKey(condition.get(operator));
            } else if (UPPER.contains(operator)) {
                upper = indexKey(condition.get(operator));
            } else {
                return null;
            }
        }
        if (lower == null || upper == null) {
            return null;
        }
        return new KeyValue[]{new KeyValue(lower), new KeyValue(upper)};
    }

    /**
     * A bound as the index holds numbers (the library's {@code Utils.normalizeValue}: a {@code Double}, -0.0 as 0.0),
     * for numbers of magnitude below 2^53 only. Null for anything else: beyond 2^53 (and for infinities and NaN) the
     * library's matcher compares longs as doubles, rounded, where the index orders them exactly, so such a query is
     * left to the stock path to keep its answers.
     */
    private static Object indexKey(Object bound) {
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
