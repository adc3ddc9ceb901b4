package cn.talentportal.projections.shared;

import cn.talentportal.projections.testing.InMemoryMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merger against the embedded server: the coalesced writes leave exactly the documents the writes leave when
 * applied one by one (documents compared as maps: field order aside, see {@link CoalescedWrites}).
 */
class CoalescedWritesTest {

    private static final InMemoryMongo mongo = new InMemoryMongo();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static int collections;

    @AfterAll
    static void close() {
        mongo.close();
    }

    @Test
    void successive_sets_and_add_to_sets_of_one_document_become_one_upsert() {
        List<WriteModel<Document>> writes = List.of(
                upsert("a", Updates.combine(Updates.set("status", "APPLIED"), Updates.setOnInsert("since", 1),
                        Updates.addToSet("steps", "applied"))),
                upsert("b", Updates.set("status", "APPLIED")),
                upsert("a", Updates.combine(Updates.set("status", "SCREENED"), Updates.addToSet("steps", "screened"),
                        Updates.setOnInsert("since", 2))),
                upsert("a", Updates.addEachToSet("steps", List.of("applied", "interviewed"))),
                upsert("a", Updates.unset("status")));

        assertThat(sameEffect(writes)).hasSize(2).first().satisfies(first -> assertThat(
                ((UpdateOneModel<Document>) first).getUpdate().toBsonDocument().toJson()).isEqualTo(
                "{\"$unset\": {\"status\": \"\"}, \"$setOnInsert\": {\"since\": 1}, \"$addToSet\": {\"steps\": "
                        + "{\"$each\": [\"applied\", \"screened\", \"applied\", \"interviewed\"]}}}"));
    }

    @Test
    void a_replacement_makes_earlier_writes_to_its_document_irrelevant() {
        List<WriteModel<Document>> writes = List.of(
                upsert("a", Updates.set("x", 1)),
                replace("a", new Document("name", "first")),
                replace("a", new Document("name", "second")));
        assertThat(sameEffect(writes)).singleElement().isInstanceOf(ReplaceOneModel.class);
    }

    @Test
    void what_is_not_provably_equivalent_stays_apart() {
        List<WriteModel<Document>> writes = List.of(
                // an update that may find nothing, then an upsert: merged, the upsert would create the update's fields
                new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.set("x", 1)),
                upsert("a", Updates.set("y", 2)),
                // $max twice, $set after $unset, a parent after its child
                upsert("b", Updates.max("n", 3)),
                upsert("b", Updates.max("n", 2)),
                upsert("c", Updates.unset("x")),
                upsert("c", Updates.set("x", 1)),
                upsert("d", Updates.set("sub.x", 1)),
                upsert("d", Updates.set("sub", new Document("y", 2))),
                // an update to something after a replacement, an update with a condition
                replace("e", new Document("name", "e")),
                upsert("e", Updates.set("x", 1)),
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", "e"), Filters.lt("x", 5)), Updates.set("x", 5)),
                upsert("e", Updates.set("y", 1)));
        assertThat(sameEffect(writes, new Document("_id", "a"), new Document("_id", "c").append("x", 0)))
                .hasSize(writes.size());
    }

    @Test
    void a_write_to_no_single_document_is_a_barrier() {
        List<WriteModel<Document>> writes = List.of(
                upsert("a", Updates.set("x", 1)),
                new UpdateOneModel<>(Filters.eq("x", 1), Updates.set("x", 2)),
                upsert("a", Updates.set("x", 3)),
                upsert("b", Updates.set("x", 1)));
        assertThat(sameEffect(writes)).hasSize(writes.size());
    }

    /** Random sequences of the operators the read models use, on absent and present documents. */
    @Test
    void random_writes_coalesced_leave_the_same_documents_as_applied_one_by_one() {
        Random random = new Random(33);
        int before = 0;
        int after = 0;
        for (int round = 0; round < 300; round++) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            int count = 2 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                writes.add(randomWrite(random));
            }
            before += writes.size();
            after += sameEffect(writes, new Document("_id", "p").append("a", "old").append("arr", List.of(9))
                    .append("sub", new Document("x", 7))).size();
        }
        assertThat(after).as("fewer writes").isLessThan(before);
    }

    private static WriteModel<Document> randomWrite(Random random) {
        String id = List.of("p", "q", "r").get(random.nextInt(3));
        int kind = random.nextInt(10);
        if (kind == 0) {
            return replace(id, new Document("a", "replaced").append("n", random.nextInt(5)));
        }
        if (kind == 1) {
            return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("n", 3)),
                    Updates.set("b", random.nextInt(5)));
        }
        List<Bson> operations = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("a", "b", "n", "arr", random.nextBoolean() ? "sub" : "sub.x"));
        java.util.Collections.shuffle(paths, random);
        for (String path : paths.subList(0, 1 + random.nextInt(3))) {
            operations.add(randomOperation(random, path));
        }
        Bson update = Updates.combine(operations);
        return kind == 2 ? new UpdateOneModel<>(Filters.eq("_id", id), update) : upsert(id, update);
    }

    private static Bson randomOperation(Random random, String path) {
        int value = random.nextInt(6);
        return switch (path) {
            case "arr" -> switch (random.nextInt(3)) {
                case 0 -> Updates.addToSet("arr", value);
                case 1 -> Updates.addEachToSet("arr", List.of(value, random.nextInt(6), value));
                default -> Updates.unset("arr");
            };
            case "n" -> switch (random.nextInt(4)) {
                case 0 -> Updates.max("n", value);
                case 1 -> Updates.setOnInsert("n", value);
                case 2 -> Updates.unset("n");
                default -> Updates.set("n", value);
            };
            case "sub" -> random.nextBoolean() ? Updates.set("sub", new Document("x", value).append("y", value))
                    : Updates.unset("sub");
            default -> switch (random.nextInt(3)) {
                case 0 -> Updates.setOnInsert(path, "inserted" + value);
                case 1 -> Updates.unset(path);
                default -> Updates.set(path, "set" + value);
            };
        };
    }

    /** Applies the writes one by one and coalesced to two collections holding {@code initial}; returns the latter. */
    private static List<WriteModel<Document>> sameEffect(List<WriteModel<Document>> writes, Document... initial) {
        MongoCollection<Document> oneByOne = mongo.database.getCollection("one_by_one_" + collections);
        MongoCollection<Document> coalesced = mongo.database.getCollection("coalesced_" + collections++);
        for (Document document : initial) {
            oneByOne.insertOne(new Document(document));
            coalesced.insertOne(new Document(document));
        }
        writes.forEach(write -> oneByOne.bulkWrite(List.of(write)));
        List<WriteModel<Document>> merged = CoalescedWrites.of(writes, coalesced.getCodecRegistry());
        coalesced.bulkWrite(merged, new BulkWriteOptions().ordered(true));
        assertThat(documents(coalesced)).as("coalesced %s of %s", merged, writes).isEqualTo(documents(oneByOne));
        return merged;
    }

    private static List<Document> documents(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static WriteModel<Document> upsert(String id, Bson update) {
        return new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT);
    }

    private static WriteModel<Document> replace(String id, Document document) {
        return new ReplaceOneModel<>(Filters.eq("_id", id), document.append("_id", id),
                new ReplaceOptions().upsert(true));
    }
}
