package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mongo-java-server's H2 backend with unique indexes whose keys are compared by value ({@link IndexKeyDataType})
 * instead of by Java-serializing both keys at every B-tree step (see docs/decisions/0005-embedded-index-key-type.md).
 * <p>
 * Index maps keep their names, but their order changes, so a store written by the stock backend
 * must not be read with the new type as it is. The store records its index key order in the map
 * {@value #FORMAT_MAP} (a name without a dot: no database's {@code drop} can match it). On opening:
 * <ul>
 *   <li>order {@value #INDEX_KEY_ORDER_VALUE}: used as it is;</li>
 *   <li>no record (a new store, or one written by the stock backend or before this change): every index map is
 *       rebuilt in the new order (entries are read by iteration, which needs no comparison), then the record is
 *       written. Crash-safe under the background commits: a map is rebuilt into {@code <name>}{@value #REBUILD_SUFFIX}
 *       and swapped in only when complete; a left-over rebuild map is dropped if its original still exists and
 *       swapped in otherwise. Rebuilding a map that is already in the new order is harmless;</li>
 *   <li>any other record: refused with {@link MongoUnavailableException}.</li>
 * </ul>
 * Collections are {@link IdRangeH2Collection}s: a range on {@code _id} is answered from the {@code _id} index.
 * Documents and index keys are stored in {@link CompactValueType}'s form (decision 0037), which reads the stock form
 * too; a store of the previous format ({@value #READABLE_EARLIER_ORDER}) is read as it is and marked anew.
 * <p>
 * A store opened by this class must not be opened again by the stock backend (an older portal build): it would
 * search the new order with the old comparison and miss keys.
 */
final class IndexKeyOrderH2Backend extends H2Backend {

    static final String FORMAT_MAP = "talentportal_store_format";
    static final String INDEX_KEY_ORDER = "indexKeyOrder";
    /** Index keys in MongoDB's value order (0005), documents and keys written compactly (0037). */
    static final String INDEX_KEY_ORDER_VALUE = "mongo-value-order-1+compact-values-2";
    /** Stores this version reads as they are: the same key order, documents and keys as the stock type wrote them. */
    private static final String READABLE_EARLIER_ORDER = "mongo-value-order-1";
    static final String INDEX_MAP_INFIX = "._index_";
    static final String REBUILD_SUFFIX = "#rebuild";
    /** H2Database's names of a collection's document and metadata maps (package-private there). */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    private static final Logger log = LoggerFactory.getLogger(IndexKeyOrderH2Backend.class);

    private IndexKeyOrderH2Backend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the store file, rebuilding index maps written in the stock order first. */
    static IndexKeyOrderH2Backend open(Path storeFile, int cacheMegabytes) {
        log.info("opening MVStore in '{}' with a page cache of {} MB", storeFile, cacheMegabytes);
        MVStore store = new MVStore.Builder().fileName(storeFile.toString()).cacheSize(cacheMegabytes).open();
        try {
            prepareIndexMaps(store, storeFile);
            return new IndexKeyOrderH2Backend(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    /**
     * The default page cache (decision 0036). MVStore's own default is 16 MB; a page that is not cached is read from
     * the file and every document on it Java-deserialized again, which was nine tenths of the server's time in a
     * range read of a 100k-event store. The cache counts documents and keys at an estimate of their heap size
     * ({@link CompactValueType}): an eighth of the heap, between 16 MB and 1 GB ({@code talent.mongo.embedded.cache-mb}
     * overrides it).
     */
    static int defaultCacheMegabytes() {
        long eighthOfHeap = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
        return (int) Math.clamp(eighthOfHeap, 16, 1024);
    }

    int pageCacheMegabytes() {
        return getMvStore().getCacheSize();
    }

    static MVMap<KeyValue, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType()));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from H2Backend's constructor too: use no field of this class. The anonymous class's captured
        // store is set before H2Database's constructor opens the indexes.
        MVStore store = getMvStore();
        return new H2Database(databaseName, store, getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                String mapName = getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
                return new OrderedKeyUniqueIndex(openIndexMap(store, mapName), indexName, keys, sparse);
            }

            /** As H2Database's (same map names), a collection that answers {@code _id} ranges from the index. */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + namespace,
                        new MVMap.Builder<Object, Document>().valueType(new CompactValueType()));
                MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + namespace);
                return new IdRangeH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
            }
        };
    }

    private static void prepareIndexMaps(MVStore store, Path storeFile) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        String order = format.get(INDEX_KEY_ORDER);
        if (INDEX_KEY_ORDER_VALUE.equals(order)) {
            return;
        }
        if (READABLE_EARLIER_ORDER.equals(order)) {
            // read as it is; the new record stops an older portal version that could not read compact values
            format.put(INDEX_KEY_ORDER, INDEX_KEY_ORDER_VALUE);
            store.commit();
            return;
        }
        if (order != null) {
            throw new MongoUnavailableException(
                    "The embedded MongoDB data file " + storeFile + " has unique indexes in key order '" + order
                            + "', which this portal version cannot read (it reads '" + INDEX_KEY_ORDER_VALUE + "').",
                    "Open the data directory with the portal version that wrote it, or export the data with that "
                            + "version and start with an empty 'talent.data-dir'.", null);
        }
        Set<String> completed = new HashSet<>();
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.endsWith(REBUILD_SUFFIX)) {
                String original = name.substring(0, name.length() - REBUILD_SUFFIX.length());
                if (store.hasMap(original)) {
                    store.removeMap(name); // interrupted before the swap: rebuild again
                } else {
                    // interrupted during the swap: the rebuilt map is complete and in the new order already
                    store.renameMap(openIndexMap(store, name), original);
                    completed.add(original);
                }
            }
        }
        List<String> indexMaps = store.getMapNames().stream()
                .filter(n -> n.contains(INDEX_MAP_INFIX) && !completed.contains(n)).sorted().toList();
        if (!indexMaps.isEmpty()) {
            log.info("Rebuilding {} unique index map(s) of {} in key order {}", indexMaps.size(), storeFile,
                    INDEX_KEY_ORDER_VALUE);
        }
        for (String name : indexMaps) {
            rebuild(store, name);
        }
        format.put(INDEX_KEY_ORDER, INDEX_KEY_ORDER_VALUE);
        store.commit();
    }

    private static void rebuild(MVStore store, String name) {
        // stock key order, so H2's stock comparison (never searched here, only iterated); keys in the stock form
        MVMap<Object, Object> old = store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new CompactValueType()));
        MVMap<KeyValue, Object> rebuilt = openIndexMap(store, name + REBUILD_SUFFIX);
        rebuilt.clear();
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            if (!(entry.getKey() instanceof KeyValue key)) {
                throw new IllegalStateException("Map " + name + " is not a unique index: key " + entry.getKey());
            }
            if (rebuilt.putIfAbsent(key, entry.getValue()) != null) {
                throw new IllegalStateException("Index map " + name + " holds two keys equal to " + key);
            }
        }
        long entries = rebuilt.sizeAsLong();
        store.removeMap(old);
        store.renameMap(rebuilt, name);
        log.info("Rebuilt index map {} ({} keys)", name, entries);
    }
}
