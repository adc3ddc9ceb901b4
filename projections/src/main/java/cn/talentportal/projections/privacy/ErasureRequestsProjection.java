package cn.talentportal.projections.privacy;

import cn.talentportal.domain.privacy.ErasureEvents.ErasureRequested;
import cn.talentportal.domain.privacy.ErasureEvents.PersonalDataErased;
import cn.talentportal.projections.privacy.ErasureQueries.CountErasureRequests;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureOf;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureRequests;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.domain.shared.AuditMetaData.USER_NAME;
import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/**
 * Erasure requests for the administrators who approve them and for the person who asked: one document per data
 * subject ({@code _id} = subject id), written whole on the request and completed on the erasure, so a replayed event
 * writes the same values again. Holds names and reasons, no personal fields.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("erasure-requests")
public class ErasureRequestsProjection {

    public static final String COLLECTION = "erasure_requests";

    private final MongoCollection<Document> requests;

    public ErasureRequestsProjection(MongoDatabase database) {
        this.requests = database.getCollection(COLLECTION);
    }

    /** Before a rebuild replays the whole store: this read model starts empty. */
    @ResetHandler
    void clearForRebuild() {
        requests.deleteMany(new Document());
    }

    @EventHandler
    void on(ErasureRequested event, @Timestamp Instant at, MetaData meta) {
        BatchedWrites.replace(requests, event.subjectId(), new Document("subjectName", event.subjectName())
                .append("state", ErasureState.REQUESTED.name())
                .append("requestedBy", event.requestedBy())
                .append("requestedByName", text(meta, USER_NAME))
                .append("requestReason", event.reason())
                .append("requestedAt", date(at)));
    }

    @EventHandler
    void on(PersonalDataErased event, @Timestamp Instant at, MetaData meta) {
        BatchedWrites.upsert(requests, event.subjectId(), Updates.combine(
                Updates.set("state", ErasureState.ERASED.name()),
                Updates.set("approvedByName", text(meta, USER_NAME)),
                Updates.set("approvalReason", event.reason()),
                Updates.set("erasedAt", date(at))));
    }

    @QueryHandler
    public List<ErasureRequestView> handle(FindErasureRequests query) {
        return requests.find(Filters.eq("state", query.state().name()))
                .sort(Sorts.ascending("requestedAt", "_id"))
                .skip(Math.max(0, query.offset())).limit(Math.max(0, query.limit()))
                .map(ErasureRequestsProjection::view).into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountErasureRequests query) {
        return requests.countDocuments(Filters.eq("state", query.state().name()));
    }

    @QueryHandler
    public Optional<ErasureRequestView> handle(FindErasureOf query) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", query.subjectId())).first())
                .map(ErasureRequestsProjection::view);
    }

    private static ErasureRequestView view(Document d) {
        return new ErasureRequestView(d.getString("_id"), d.getString("subjectName"),
                enumValue(ErasureState.class, d, "state"), d.getString("requestedBy"), d.getString("requestedByName"),
                d.getString("requestReason"), instant(d, "requestedAt"), d.getString("approvedByName"),
                d.getString("approvalReason"), instant(d, "erasedAt"));
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
