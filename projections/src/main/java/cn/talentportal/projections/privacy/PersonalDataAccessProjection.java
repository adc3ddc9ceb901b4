package cn.talentportal.projections.privacy;

import cn.talentportal.domain.privacy.ExportFormat;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.privacy.PrivacyEvents.CandidateHistoryExported;
import cn.talentportal.domain.privacy.PrivacyEvents.PersonalDataAccessed;
import cn.talentportal.projections.privacy.AccessTrailEntry.Kind;
import cn.talentportal.projections.privacy.PrivacyQueries.FindPersonalDataAccess;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.domain.shared.AuditMetaData.CLIENT_ADDRESS;
import static cn.talentportal.domain.shared.AuditMetaData.ROLE;
import static cn.talentportal.domain.shared.AuditMetaData.USER_ID;
import static cn.talentportal.domain.shared.AuditMetaData.USER_NAME;
import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;
import static cn.talentportal.projections.shared.MongoDocuments.name;

/**
 * The access trail of everyone, for auditors who list it across data subjects and time (one subject's trail alone is
 * also its {@code access:<subjectId>} stream). One document per event, keyed by the event's id, written whole: a
 * replayed event writes the same document again. The actor comes from the event's audit metadata, as it was stamped
 * on the command.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("personal-data-access")
public class PersonalDataAccessProjection {

    public static final String COLLECTION = "personal_data_access";

    private final MongoCollection<Document> trail;

    public PersonalDataAccessProjection(MongoDatabase database) {
        this.trail = database.getCollection(COLLECTION);
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        trail.deleteMany(new Document());
    }

    @EventHandler
    void on(PersonalDataAccessed event, @MessageIdentifier String eventId, @Timestamp Instant at, MetaData meta) {
        BatchedWrites.replace(trail, eventId, entry(Kind.ACCESS, event.subjectId(), event.subjectName(), event.what(),
                event.reason(), at, meta));
    }

    @EventHandler
    void on(CandidateHistoryExported event, @MessageIdentifier String eventId, @Timestamp Instant at,
            MetaData meta) {
        BatchedWrites.replace(trail, eventId, entry(Kind.EXPORT, event.subjectId(), event.subjectName(),
                PersonalDataCategory.FULL_HISTORY, event.reason(), at, meta)
                .append("format", name(event.format()))
                .append("asOf", date(event.asOf()))
                .append("chainHead", event.chainHead()));
    }

    private static Document entry(Kind kind, String subjectId, String subjectName, PersonalDataCategory what,
                                  String reason, Instant at, MetaData meta) {
        return new Document("at", date(at))
                .append("kind", kind.name())
                .append("subjectId", subjectId)
                .append("subjectName", subjectName)
                .append("what", name(what))
                .append("reason", reason)
                .append("actorId", text(meta, USER_ID))
                .append("actorName", text(meta, USER_NAME))
                .append("actorRole", text(meta, ROLE))
                .append("clientAddress", text(meta, CLIENT_ADDRESS));
    }

    @QueryHandler
    public List<AccessTrailEntry> handle(FindPersonalDataAccess query) {
        List<Bson> filters = new ArrayList<>();
        if (query.subjectId() != null) {
            filters.add(Filters.eq("subjectId", query.subjectId()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("at", date(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lte("at", date(query.to())));
        }
        return trail.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("at", "_id"))
                .map(PersonalDataAccessProjection::entry)
                .into(new ArrayList<>());
    }

    private static AccessTrailEntry entry(Document document) {
        return new AccessTrailEntry(document.getString("_id"), instant(document, "at"),
                enumValue(Kind.class, document, "kind"), document.getString("subjectId"),
                document.getString("subjectName"), enumValue(PersonalDataCategory.class, document, "what"),
                document.getString("reason"), document.getString("actorId"), document.getString("actorName"),
                document.getString("actorRole"), document.getString("clientAddress"),
                enumValue(ExportFormat.class, document, "format"), instant(document, "asOf"),
                document.getString("chainHead"));
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
