package cn.talentportal.infra.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server with {@link IndexKeyOrderH2Backend}, over TCP with the real driver. */
class IndexKeyOrderServerTest {

    @TempDir
    Path dataDir;

    private static MongoCollection<Document> events(MongoClient client) {
        MongoCollection<Document> events = client.getDatabase("talent").getCollection("events");
        events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true).sparse(true));
        return events;
    }

    private static Document event(long id, String streamKey) {
        Document event = new Document("_id", id).append("payload", "p" + id);
        return streamKey == null ? event : event.append("streamKey", streamKey);
    }

    private static boolean isDuplicate(Runnable write) {
        try {
            write.run();
            return false;
        } catch (MongoWriteException e) {
            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
            return true;
        }
    }

    private void withServer(Consumer<MongoClient> work) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, 0);
             MongoClient client = MongoConfiguration.connect(server.connectionString(), false)) {
            work.accept(client);
            server.commit();
        }
    }

    private static List<Long> ids(Iterable<Document> documents) {
        List<Long> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(((Number) d.get("_id")).longValue()));
        ids.sort(null);
        return ids;
    }

    private static void assertLookups(MongoCollection<Document> events, long count) {
        List<Long> wanted = List.of(1L, 2L, 17L, 250L, count, 5_000L, 99_999L);
        assertThat(ids(events.find(Filters.in("_id", wanted))))
                .containsExactlyElementsOf(wanted.stream().filter(id -> id <= count).toList());
        assertThat(ids(events.find(Filters.in("streamKey", "agg-1/0", "agg-2/4", "agg-3/9", "agg-9999/0"))))
                .containsExactly(1L, 25L, 50L);
        assertThat(ids(events.find(Filters.eq("_id", 17L)))).containsExactly(17L);
        assertThat(ids(events.find(Filters.eq("_id", 17)))).as("int matches long").containsExactly(17L);
        assertThat(ids(events.find(Filters.eq("streamKey", "agg-2/4")))).containsExactly(25L);
    }

    /** Ids 1..count; every 20 an aggregate (agg-k/0..19), the odd hundreds without stream key. */
    private static void seed(MongoCollection<Document> events, long count) {
        List<Document> batch = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            boolean aggregate = (id / 100) % 2 == 0;
            batch.add(event(id, aggregate ? "agg-" + ((id - 1) / 20 + 1) + "/" + ((id - 1) % 20) : null));
        }
        events.insertMany(batch);
    }

    @Test
    void uniqueAndSparseIndexesLookupsAndRestart() {
        withServer(client -> {
            MongoCollection<Document> events = events(client);
            seed(events, 1_000);
            assertLookups(events, 1_000);
            assertThat(isDuplicate(() -> events.insertOne(event(17, "other/0")))).as("duplicate _id").isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(17_000, "agg-2/4")))).as("duplicate streamKey").isTrue();
            assertThat(isDuplicate(() -> events.insertOne(new Document("_id", 17.0)))).as("17.0 is 17").isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(1_001, null)))).as("sparse: missing").isFalse();
            assertThat(isDuplicate(() -> events.insertOne(event(1_002, null)))).as("sparse: missing again").isFalse();
            assertThat(isDuplicate(() -> events.insertOne(event(1_003, "new/0")))).isFalse();
            assertThat(events.countDocuments()).isEqualTo(1_003);
            events.deleteOne(Filters.eq("_id", 1_003L));
            assertThat(isDuplicate(() -> events.insertOne(event(1_004, "new/0")))).as("freed by delete").isFalse();
            events.updateOne(Filters.eq("_id", 1_004L), new Document("$set", new Document("streamKey", "new/1")));
            assertThat(isDuplicate(() -> events.insertOne(event(1_005, "new/0")))).as("freed by update").isFalse();
            assertThat(isDuplicate(() -> events.insertOne(event(1_006, "new/1")))).as("taken by update").isTrue();
        });
        withServer(client -> {
            MongoCollection<Document> events = events(client);
            assertThat(events.countDocuments()).isEqualTo(1_004);
            assertLookups(events, 1_000);
            assertThat(ids(events.find(Filters.in("streamKey", "new/0", "new/1")))).containsExactly(1_004L, 1_005L);
            assertThat(isDuplicate(() -> events.insertOne(event(17, "other/0")))).as("duplicate _id").isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(17_000, "agg-2/4")))).as("duplicate streamKey").isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(1_002, null)))).isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(1_007, null)))).isFalse();
        });
        assertThat(storeFormat()).isEqualTo(IndexKeyOrderH2Backend.INDEX_KEY_ORDER_VALUE);
    }

    @Test
    void aStoreWrittenByTheStockBackendIsRebuiltOnceAndKeepsItsData() {
        Path storeFile = dataDir.resolve("mongo").resolve("portal.mv");
        try {
            Files.createDirectories(storeFile.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MongoServer stock = new MongoServer(new H2Backend(storeFile.toString()));
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            seed(events(client), 1_000);
        } finally {
            stock.shutdownNow();
        }
        // an interrupted earlier rebuild left a partial map behind
        try (MVStore store = MVStore.open(storeFile.toString())) {
            MVMap<Object, Object> partial = store.openMap("talent.events._index__id_" + IndexKeyOrderH2Backend.REBUILD_SUFFIX);
            partial.put("junk", "junk");
            assertThat(store.hasMap(IndexKeyOrderH2Backend.FORMAT_MAP)).isFalse();
        }

        withServer(client -> {
            MongoCollection<Document> events = events(client);
            assertThat(events.countDocuments()).isEqualTo(1_000);
            assertLookups(events, 1_000);
            assertThat(isDuplicate(() -> events.insertOne(event(17, "other/0")))).isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(17_000, "agg-2/4")))).isTrue();
            assertThat(isDuplicate(() -> events.insertOne(event(17_001, "agg-2/20")))).isFalse();
        });
        assertThat(storeFormat()).isEqualTo(IndexKeyOrderH2Backend.INDEX_KEY_ORDER_VALUE);
        withServer(client -> {
            MongoCollection<Document> events = events(client);
            assertThat(events.countDocuments()).isEqualTo(1_001);
            assertLookups(events, 1_000);
            assertThat(ids(events.find(Filters.eq("streamKey", "agg-2/20")))).containsExactly(17_001L);
        });
    }

    @Test
    void aStoreInAnUnknownKeyOrderIsRefusedWithAnExplanation() {
        withServer(client -> seed(events(client), 10));
        try (MVStore store = MVStore.open(dataDir.resolve("mongo").resolve("portal.mv").toString())) {
            store.<String, String>openMap(IndexKeyOrderH2Backend.FORMAT_MAP).put(IndexKeyOrderH2Backend.INDEX_KEY_ORDER, "v99");
        }
        assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, 0))
                .isInstanceOf(MongoUnavailableException.class)
                .hasMessageContaining("'v99'")
                .satisfies(e -> assertThat(((MongoUnavailableException) e).action()).contains("talent.data-dir"));
    }

    /** Same writes and reads against the stock H2 backend (in memory) and ours: same outcomes. */
    @Test
    void behavesAsTheStockBackendForAllKindsOfKeys() {
        ObjectId objectId = new ObjectId();
        List<Object> values = Arrays.asList(null, 0, -0.0, 1, 1L, 1.0, 2.5, -1, 1L << 53, (1L << 53) + 1,
                Long.MAX_VALUE - 1, Double.NaN, Double.POSITIVE_INFINITY, "", "a", "A", "护士",
                new Document("a", 1), new Document("a", 1.0), new Document("a", 1).append("b", 2),
                new Document("b", 2).append("a", 1), new Document("a", List.of(1, 2)), new Document("a", List.of(1, 3)),
                new Document(), List.of(List.of(1, 2)), List.of(List.of(1, 3)), objectId, new ObjectId(objectId.toByteArray()),
                true, false, new Date(5), new Date(6), new Binary(new byte[]{1, 2}), new Binary(new byte[]{1, 2}),
                new BsonRegularExpression("^a"), new BsonRegularExpression("^a"));
        List<String> expected = new ArrayList<>();
        MongoServer stock = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            exercise(client, values, expected::add);
        } finally {
            stock.shutdownNow();
        }
        List<String> actual = new ArrayList<>();
        withServer(client -> exercise(client, values, actual::add));
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).contains("insert 0 ok", "insert 2 dup", "insert 24 ok", "insert 25 ok");
    }

    /**
     * Documents are stored in the compact form (decision 0037): every kind of value reads back from the file, after a
     * restart, as the stock backend gives it back.
     */
    @Test
    void documentsOfEveryKindReadBackFromTheFileAsFromTheStockBackend() {
        List<Object> values = Arrays.asList(null, 0, -1, Integer.MIN_VALUE, 1L, Long.MIN_VALUE, -0.0, Double.NaN,
                2.5, "", "护士长 nurse", "x".repeat(10_000), true, false, new Date(1_763_800_000_123L), new ObjectId(),
                new Binary(new byte[] {1, 2}), new Binary((byte) 4, new byte[16]), new Binary((byte) 3, new byte[16]),
                new org.bson.types.Decimal128(new java.math.BigDecimal("12.50")), new org.bson.types.MinKey(),
                new org.bson.types.MaxKey(), new BsonRegularExpression("^a", "i"), new org.bson.BsonTimestamp(7, 3),
                new org.bson.types.Code("x()"), new Document("a", new Document("b", List.of(1, "2", 3.0)))
                        .append("empty", new Document()).append("list", List.of())
                        .append("nested", List.of(List.of(1L), new Document("c", null))));
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            written.add(new Document("_id", i).append("v", values.get(i)).append("i", i));
        }
        List<Document> expected = new ArrayList<>();
        MongoServer stock = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> kinds = client.getDatabase("diff").getCollection("kinds");
            kinds.insertMany(written);
            kinds.find().sort(Indexes.ascending("_id")).into(expected);
        } finally {
            stock.shutdownNow();
        }
        withServer(client -> client.getDatabase("diff").getCollection("kinds").insertMany(written));
        withServer(client -> {
            List<Document> actual = new ArrayList<>();
            client.getDatabase("diff").getCollection("kinds").find().sort(Indexes.ascending("_id")).into(actual);
            assertThat(actual).hasSize(values.size());
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).toJson()).as("value %d", i).isEqualTo(expected.get(i).toJson());
            }
        });
    }

    /**
     * A store of the format before 0037 (documents and index keys as the stock type wrote them, keys in value order)
     * is read as it is and marked as the new format.
     */
    @Test
    void aStoreOfTheEarlierFormatIsReadAsItIsAndMarkedAsTheNewOne() {
        withServer(client -> seed(events(client), 1_000));
        Path storeFile = dataDir.resolve("mongo").resolve("portal.mv");
        rewriteInTheStockForm(storeFile);
        try (MVStore store = MVStore.open(storeFile.toString())) {
            store.<String, String>openMap(IndexKeyOrderH2Backend.FORMAT_MAP)
                    .put(IndexKeyOrderH2Backend.INDEX_KEY_ORDER, "mongo-value-order-1");
            // the fixture is the stock form: H2's own type reads every key and document
            assertThat(store.<Object, Object>openMap("talent.events._index__id_").keySet()).hasSize(1_000)
                    .allMatch(key -> key instanceof de.bwaldvogel.mongo.backend.KeyValue);
            assertThat(store.<Object, Object>openMap("databases.talent.events").values()).hasSize(1_000)
                    .allMatch(document -> document instanceof de.bwaldvogel.mongo.bson.Document);
        }

        withServer(client -> {
            MongoCollection<Document> events = events(client);
            assertThat(events.countDocuments()).isEqualTo(1_000);
            assertLookups(events, 1_000);
            assertThat(isDuplicate(() -> events.insertOne(event(17, "other/0")))).isTrue();
            events.insertOne(event(1_001, "agg-new/0"));
        });
        assertThat(storeFormat()).isEqualTo(IndexKeyOrderH2Backend.INDEX_KEY_ORDER_VALUE);
        withServer(client -> {
            MongoCollection<Document> events = events(client);
            assertLookups(events, 1_000);
            assertThat(ids(events.find(Filters.eq("streamKey", "agg-new/0")))).containsExactly(1_001L);
            assertThat(events.find(Filters.eq("_id", 7L)).first()).containsEntry("payload", "p7");
        });
    }

    /** Writes every index key and document of the store again as H2's stock type does, index order kept. */
    private static void rewriteInTheStockForm(Path storeFile) {
        Map<String, Map<de.bwaldvogel.mongo.backend.KeyValue, Object>> indexes = new HashMap<>();
        Map<String, Map<Object, de.bwaldvogel.mongo.bson.Document>> documents = new HashMap<>();
        try (MVStore store = MVStore.open(storeFile.toString())) {
            for (String name : store.getMapNames()) {
                if (name.contains(IndexKeyOrderH2Backend.INDEX_MAP_INFIX)) {
                    indexes.put(name, new LinkedHashMap<>(IndexKeyOrderH2Backend.openIndexMap(store, name)));
                } else if (name.startsWith("databases.")) {
                    documents.put(name, new LinkedHashMap<>(store.openMap(name,
                            new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                                    .valueType(new CompactValueType()))));
                }
            }
        }
        assertThat(indexes).containsKey("talent.events._index__id_");
        // written under another name, then swapped in: the compact maps are dropped with the type that reads them
        try (MVStore store = MVStore.open(storeFile.toString())) {
            indexes.forEach((name, entries) -> {
                MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> stock = store.openMap(name + "#stock",
                        new MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>()
                                .keyType(new IndexKeyDataType(new ObjectDataType())));
                stock.putAll(entries);
                store.removeMap(IndexKeyOrderH2Backend.openIndexMap(store, name));
                store.renameMap(stock, name);
            });
            documents.forEach((name, entries) -> {
                MVMap<Object, de.bwaldvogel.mongo.bson.Document> stock = store.openMap(name + "#stock");
                stock.putAll(entries);
                store.removeMap(store.openMap(name,
                        new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new CompactValueType())));
                store.renameMap(stock, name);
            });
        }
    }

    /** A start interrupted while it swapped a rebuilt index map in: the rebuilt map is taken as it is. */
    @Test
    void aStartInterruptedDuringAnIndexSwapIsCompletedOnTheNextStart() {
        withServer(client -> seed(events(client), 1_000));
        Path storeFile = dataDir.resolve("mongo").resolve("portal.mv");
        try (MVStore store = MVStore.open(storeFile.toString())) {
            String name = "talent.events._index__id_";
            store.renameMap(IndexKeyOrderH2Backend.openIndexMap(store, name), name + IndexKeyOrderH2Backend.REBUILD_SUFFIX);
            store.<String, String>openMap(IndexKeyOrderH2Backend.FORMAT_MAP).remove(IndexKeyOrderH2Backend.INDEX_KEY_ORDER);
        }

        withServer(client -> {
            MongoCollection<Document> events = events(client);
            assertThat(events.countDocuments()).isEqualTo(1_000);
            assertLookups(events, 1_000);
            assertThat(isDuplicate(() -> events.insertOne(event(250, "other/1")))).isTrue();
        });
        assertThat(storeFormat()).isEqualTo(IndexKeyOrderH2Backend.INDEX_KEY_ORDER_VALUE);
    }

    /**
     * Ranges on {@code _id} are answered from the index (decision 0032): the same documents as the stock backend's
     * scan, over ids of every numeric type and of other types, with skip, limit and sorts; in {@code _id} order.
     */
    @Test
    void rangesOnIdFindWhatTheStockBackendFinds() {
        List<Object> ids = new ArrayList<>(Arrays.asList(-5, -1.5, -0.0, 1, 2L, 2.5, 3, 4L, 7.0, 10, 11L, 12.25,
                1L << 53, (1L << 53) + 1, (1L << 53) + 3, Long.MAX_VALUE - 1, Double.NaN, Double.POSITIVE_INFINITY,
                3_000_000_000L, 3_000_000_000.5, 2_147_483_646L, 2_147_483_646.5, 2_147_483_647L, 2_147_483_648L,
                Double.NEGATIVE_INFINITY, "5", "a", new Document("a", 1), new ObjectId(), true, new Date(6),
                new Binary(new byte[]{1})));
        for (long id = 100; id < 400; id++) {
            ids.add(id % 3 == 0 ? (Object) id : id % 3 == 1 ? (Object) (double) id : (Object) (int) id);
        }
        List<Document> ranges = List.of(
                range("$gte", 1L, "$lte", 4L), range("$gt", 1L, "$lt", 4L), range("$gte", 2, "$lt", 12.25),
                range("$gt", -0.0, "$lte", 0), range("$gte", -10, "$lte", 400), range("$gt", 2.5, "$lt", 2.5),
                range("$gte", 5L, "$lte", 1L), range("$gte", (1L << 53) + 1, "$lte", Long.MAX_VALUE),
                range("$gt", 1L << 53, "$lte", Double.POSITIVE_INFINITY),
                range("$gte", Double.NEGATIVE_INFINITY, "$lt", 0), range("$gte", 150L, "$lte", 349L),
                range("$lte", 200, "$gte", 120.5), range("$gte", Double.NaN, "$lte", 4),
                range("$gte", 1, "$lte", "z"), range("$gte", 100, "$lte", (1L << 53) - 1),
                range("$gt", -(1L << 53) + 1, "$lt", 3.5), range("$gt", 3_000_000_000L, "$lte", 4e9),
                range("$gte", 3_000_000_000.5, "$lte", 4e9), range("$gte", 2_147_483_000L, "$lt", 2_147_483_647L),
                range("$gt", 2_147_483_646, "$lte", 2_147_483_647.5));
        List<String> expected = new ArrayList<>();
        MongoServer stock = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            queryRanges(client, ids, ranges, expected::add);
        } finally {
            stock.shutdownNow();
        }
        List<String> actual = new ArrayList<>();
        withServer(client -> {
            queryRanges(client, ids, ranges, actual::add);
            // Unsorted, the stock backend gives its storage order; ranges from the index come in _id order.
            MongoCollection<Document> byId = client.getDatabase("diff").getCollection("ranges");
            for (Document range : ranges.stream().filter(IndexKeyOrderServerTest::takenFromTheIndex).toList()) {
                assertThat(indexes(byId.find(range).batchSize(7)))
                        .isEqualTo(indexes(byId.find(range).sort(Indexes.ascending("_id"))));
            }
        });
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).contains("range 0 [3, 4, 5, 6, 7]", "range 1 [4, 5, 6]");
        assertThat(ranges.stream().filter(IndexKeyOrderServerTest::takenFromTheIndex).count()).isEqualTo(11);
        assertThat(takenFromTheIndex(range("$gt", 3_000_000_000L, "$lte", 4e9))).isFalse();
    }

    @Test
    void onlyNumericRangesWithBothBoundsBelowTwoToThe31AreTakenFromTheIndex() {
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1L, "$lte", 1000L), "_id")).isNotNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gt", -3, "$lt", 2.5), "_id")).isNotNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1L, "$lte", (1L << 31) - 1), "_id")).isNotNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1L, "$lte", 1L << 31), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1L, "$lte", 1L << 53), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", Double.NEGATIVE_INFINITY, "$lte", 1), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", Double.NaN, "$lte", 1), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1, "$lte", "9"), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1, "$gt", 2), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1, "$ne", 2), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gte", 1)), "_id")).isNull();
        assertThat(IdRangeH2Collection.idRange(idQuery("$gte", 1, "$lte", 2).append("x", 1), "_id")).isNull();
    }

    private static boolean takenFromTheIndex(Document range) {
        Document condition = range.get("_id", Document.class);
        var query = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document(condition));
        return IdRangeH2Collection.idRange(query, "_id") != null;
    }

    private static de.bwaldvogel.mongo.bson.Document idQuery(String lower, Object from, String upper, Object to) {
        return new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document(lower, from).append(upper, to));
    }

    private static Document range(String lower, Object from, String upper, Object to) {
        return new Document("_id", new Document(lower, from).append(upper, to));
    }

    private static void queryRanges(MongoClient client, List<Object> ids, List<Document> ranges,
                                    Consumer<String> outcome) {
        MongoCollection<Document> byId = client.getDatabase("diff").getCollection("ranges");
        for (int i = 0; i < ids.size(); i++) {
            byId.insertOne(new Document("_id", ids.get(i)).append("i", i));
        }
        for (int r = 0; r < ranges.size(); r++) {
            Document range = ranges.get(r);
            List<Integer> all = indexes(byId.find(range));
            all.sort(null);
            outcome.accept("range " + r + " " + all);
            outcome.accept("range " + r + " ascending " + indexes(byId.find(range).sort(Indexes.ascending("_id"))));
            outcome.accept("range " + r + " descending, skip 1, limit 3 "
                    + indexes(byId.find(range).sort(Indexes.descending("_id")).skip(1).limit(3)));
            outcome.accept("range " + r + " count " + byId.countDocuments(range));
        }
        outcome.accept("deleted " + byId.deleteMany(range("$gte", 100, "$lt", 200)).getDeletedCount());
        outcome.accept("left " + indexes(byId.find(range("$gte", 0, "$lte", 1000)).sort(Indexes.ascending("_id"))));
    }

    private static List<Integer> indexes(Iterable<Document> documents) {
        List<Integer> found = new ArrayList<>();
        documents.forEach(d -> found.add(d.getInteger("i")));
        return found;
    }

    private static void exercise(MongoClient client, List<Object> values, Consumer<String> outcome) {
        MongoCollection<Document> byId = client.getDatabase("diff").getCollection("byId");
        MongoCollection<Document> byField = client.getDatabase("diff").getCollection("byField");
        byField.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true).sparse(true));
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Document doc = new Document("k", value).append("i", i);
            int n = i;
            boolean dup = isDuplicate(() -> byField.insertOne(doc));
            outcome.accept("insert " + n + (dup ? " dup" : " ok"));
            if (value != null && !(value instanceof List) && !(value instanceof BsonRegularExpression)) {
                boolean idDup = isDuplicate(() -> byId.insertOne(new Document("_id", value).append("i", n)));
                outcome.accept("insert _id " + n + (idDup ? " dup" : " ok"));
            }
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof BsonRegularExpression) {
                continue; // a regex query matches strings, not stored regexes
            }
            List<Object> found = new ArrayList<>();
            byField.find(Filters.eq("k", value)).forEach(d -> found.add(d.get("i")));
            outcome.accept("find k " + i + " " + found);
            if (value != null && !(value instanceof List)) {
                found.clear();
                byId.find(Filters.in("_id", value, "absent")).forEach(d -> found.add(d.get("i")));
                outcome.accept("find _id $in " + i + " " + found);
            }
        }
    }

    private String storeFormat() {
        try (MVStore store = MVStore.open(dataDir.resolve("mongo").resolve("portal.mv").toString())) {
            return store.<String, String>openMap(IndexKeyOrderH2Backend.FORMAT_MAP).get(IndexKeyOrderH2Backend.INDEX_KEY_ORDER);
        }
    }
}
