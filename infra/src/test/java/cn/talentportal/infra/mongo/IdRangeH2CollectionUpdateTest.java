package cn.talentportal.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update never changes the document object the store holds: a committing thread may be writing that object's page
 * at the same moment (decision 0039). The update's result is stored as a new object.
 */
class IdRangeH2CollectionUpdateTest {

    @TempDir
    Path dataDir;

    private IndexKeyOrderH2Backend backend;
    private IdRangeH2Collection counters;

    @BeforeEach
    void openCollection() {
        backend = IndexKeyOrderH2Backend.open(dataDir.resolve("store.mv"), 16);
        MongoDatabase database = backend.resolveDatabase("portal");
        counters = (IdRangeH2Collection) database.createCollectionOrThrowIfExists("counters");
        counters.addDocument(new Document("_id", "domain_events").append("name", "events").append("value", 0L));
    }

    /** The document object the store's map holds for the counter. */
    private Document held() {
        return backend.getMvStore().<Object, Document>openMap("databases.portal.counters").get("domain_events");
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void find_and_modify_stores_a_new_document_and_leaves_the_held_one_as_it_was() {
        Document held = held();

        Document answer = counters.findAndModify(new Document("findAndModify", "counters")
                .append("query", new Document("_id", "domain_events"))
                .append("update", new Document("$inc", new Document("value", 5L)))
                .append("new", true));

        assertThat(held.get("value")).as("the object the store held").isEqualTo(0L);
        assertThat(((Document) answer.get("value")).get("value")).isEqualTo(5L);
        assertThat(held()).isNotSameAs(held).containsEntry("value", 5L);
    }

    @Test
    void an_update_by_id_leaves_the_held_document_as_it_was() {
        Document held = held();

        counters.updateDocuments(new Document("_id", "domain_events"),
                new Document("$inc", new Document("value", 2L)), ArrayFilters.empty(), false, false,
                NoopOplog.get());

        assertThat(held).as("the object the store held").containsEntry("value", 0L);
        assertThat(held()).isNotSameAs(held).containsEntry("value", 2L);
    }

    @Test
    void an_update_found_by_another_field_leaves_the_held_document_as_it_was() {
        Document held = held();

        counters.updateDocuments(new Document("name", "events"),
                new Document("$inc", new Document("value", 3L)).append("$set", new Document("last", "tokens")),
                ArrayFilters.empty(), false, false, NoopOplog.get());

        assertThat(held).as("the object the store held").containsEntry("value", 0L).doesNotContainKey("last");
        assertThat(held()).isNotSameAs(held).containsEntry("value", 3L).containsEntry("last", "tokens");
    }
}
