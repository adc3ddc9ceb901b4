package cn.talentportal.projections.opening;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNamespace;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The opening read model after each opening event; a map applying replacements and $set stands in for MongoDB. */
class OpeningProjectionTest {

    static final Instant PUBLISHED_AT = Instant.parse("2026-11-01T02:00:00Z");
    static final OpeningDetails NURSES = nurses(3);
    static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();

    private final Map<String, Document> stored = new HashMap<>();
    private final OpeningProjection projection = new OpeningProjection(database());

    static OpeningDetails nurses(int headcount) {
        return new OpeningDetails("急需护士", "负责住院部护理工作", Sector.HEALTH, "城关镇", Education.JUNIOR_COLLEGE,
                "护理学", 4500, 6500, headcount, Set.of(TalentCategory.URGENTLY_NEEDED), LocalDate.of(2026, 12, 31));
    }

    private OpeningView opening() {
        return projection.handle(new FindOpening("o1")).orElseThrow();
    }

    @Test
    void an_edited_opening_shows_its_new_content_and_keeps_its_status_and_publication_time() {
        projection.on(new OpeningDrafted("o1", "u1", "县人民医院", NURSES));
        projection.on(new OpeningPublished("o1", "u1", "县人民医院", NURSES), PUBLISHED_AT);
        projection.on(new OpeningEdited("o1", "u1", "县人民医院", nurses(5)));

        assertThat(opening().details()).isEqualTo(nurses(5));
        assertThat(opening().status()).isEqualTo(OpeningStatus.PUBLISHED);
        assertThat(opening().publishedAt()).isEqualTo(PUBLISHED_AT);
    }

    @Test
    void an_edited_draft_stays_a_draft() {
        projection.on(new OpeningDrafted("o1", "u1", "县人民医院", NURSES));
        projection.on(new OpeningEdited("o1", "u1", "县人民医院", nurses(2)));

        assertThat(opening().status()).isEqualTo(OpeningStatus.DRAFT);
        assertThat(opening().details().headcount()).isEqualTo(2);
    }

    @Test
    void a_paused_opening_is_shown_paused_and_published_again_with_its_content_when_resumed() {
        projection.on(new OpeningDrafted("o1", "u1", "县人民医院", NURSES));
        projection.on(new OpeningPublished("o1", "u1", "县人民医院", NURSES), PUBLISHED_AT);
        projection.on(new OpeningPaused("o1", "急需护士", "等待编制审批"));
        assertThat(opening().status()).isEqualTo(OpeningStatus.PAUSED);

        projection.on(new OpeningResumed("o1", "u1", "县人民医院", nurses(4)));
        assertThat(opening().status()).isEqualTo(OpeningStatus.PUBLISHED);
        assertThat(opening().details().headcount()).isEqualTo(4);
        assertThat(opening().publishedAt()).isEqualTo(PUBLISHED_AT);
    }

    @Test
    void a_filled_opening_is_shown_filled_until_it_is_closed() {
        projection.on(new OpeningDrafted("o1", "u1", "县人民医院", NURSES));
        projection.on(new OpeningPublished("o1", "u1", "县人民医院", NURSES), PUBLISHED_AT);
        projection.on(new OpeningFilled("o1", "急需护士", 3));
        assertThat(opening().status()).isEqualTo(OpeningStatus.FILLED);

        projection.on(new OpeningClosed("o1", "急需护士", "已招满"));
        assertThat(opening().status()).isEqualTo(OpeningStatus.CLOSED);
    }

    @SuppressWarnings("unchecked")
    private MongoDatabase database() {
        MongoCollection<Document> openings = mock(MongoCollection.class);
        when(openings.getNamespace()).thenReturn(new MongoNamespace("talent", "openings"));
        when(openings.bulkWrite(any(List.class), any(BulkWriteOptions.class))).thenAnswer(call -> {
            for (WriteModel<Document> model : (List<WriteModel<Document>>) call.getArgument(0)) {
                write(model);
            }
            return null;
        });
        when(openings.find(any(Bson.class))).thenAnswer(call -> {
            FindIterable<Document> found = mock(FindIterable.class);
            when(found.first()).thenReturn(stored.get(idOf(call.getArgument(0))));
            return found;
        });
        MongoDatabase database = mock(MongoDatabase.class);
        when(database.getCollection(anyString())).thenReturn(openings);
        return database;
    }

    private void write(WriteModel<Document> model) {
        switch (model) {
            case ReplaceOneModel<Document> replace ->
                    stored.put(replace.getReplacement().getString("_id"), new Document(replace.getReplacement()));
            case UpdateOneModel<Document> update -> {
                BsonDocument set = update.getUpdate().toBsonDocument(BsonDocument.class, CODECS).getDocument("$set");
                Document fields = CODECS.get(Document.class).decode(new BsonDocumentReader(set),
                        DecoderContext.builder().build());
                stored.get(idOf(update.getFilter())).putAll(fields);
            }
            default -> throw new UnsupportedOperationException(model.toString());
        }
    }

    private static String idOf(Bson filter) {
        return filter.toBsonDocument(BsonDocument.class, CODECS).getString("_id").getValue();
    }
}
