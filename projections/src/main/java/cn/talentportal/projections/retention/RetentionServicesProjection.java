package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.SchoolPlaceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ServiceCardIssued;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.projections.retention.RetentionQueries.FindFollowUpVisits;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;

/**
 * Each service request of a retention case with its answer, for the talent (what became of my request?) and the
 * specialist (what did we grant?), and each follow-up visit. One document per request and per visit; the request's
 * first status is set on insert only and an answer is a $set of the same values, so a replayed or redelivered event
 * changes nothing twice; problems resolved are a set.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("retention-services")
public class RetentionServicesProjection {

    public static final String REQUESTS = "retention_service_requests";
    public static final String VISITS = "retention_follow_up_visits";

    private final MongoCollection<Document> requests;
    private final MongoCollection<Document> visits;

    public RetentionServicesProjection(MongoDatabase database) {
        this.requests = database.getCollection(REQUESTS);
        this.visits = database.getCollection(VISITS);
        // ignored by the embedded wire server, used by a real MongoDB
        requests.createIndex(Indexes.ascending("caseId", "requestedAt"));
        visits.createIndex(Indexes.ascending("caseId", "visitedOn"));
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        requests.deleteMany(new Document());
        visits.deleteMany(new Document());
    }

    @EventHandler
    void on(RetentionServiceRequested event, @Timestamp Instant requestedAt) {
        BatchedWrites.upsert(requests, requestKey(event.caseId(), event.requestId()), Updates.combine(
                Updates.set("caseId", event.caseId()),
                Updates.set("candidateId", event.candidateId()),
                Updates.set("requestId", event.requestId()),
                Updates.set("type", event.type().name()),
                Updates.set("details", event.details()),
                Updates.set("requestedAt", date(requestedAt)),
                Updates.setOnInsert("status", ServiceRequestStatus.OPEN.name())));
    }

    @EventHandler
    void on(RetentionServiceRefused event, @Timestamp Instant at) {
        answer(event.caseId(), event.requestId(), ServiceRequestStatus.REFUSED, at, "serviceAnswer.refused",
                List.of(event.reason()));
    }

    @EventHandler
    void on(ApartmentAllocated event, @Timestamp Instant at) {
        answer(event.caseId(), event.requestId(), ServiceRequestStatus.GRANTED, at, "serviceAnswer.apartment",
                List.of(event.apartment(), isoDate(event.moveIn())));
    }

    @EventHandler
    void on(AllowanceGranted event, @Timestamp Instant at) {
        answer(event.caseId(), event.requestId(), ServiceRequestStatus.GRANTED, at, "serviceAnswer.allowance",
                List.of("allowanceType." + event.type().name(), String.valueOf(event.monthlyAmount()),
                        event.from().toString(), event.until().toString(), event.policyName(),
                        String.valueOf(event.policyVersion())));
    }

    @EventHandler
    void on(SchoolPlaceGranted event, @Timestamp Instant at) {
        answer(event.caseId(), event.requestId(), ServiceRequestStatus.GRANTED, at, "serviceAnswer.schoolPlace",
                List.of(event.school(), event.grade()));
    }

    @EventHandler
    void on(ServiceCardIssued event, @Timestamp Instant at) {
        answer(event.caseId(), event.requestId(), ServiceRequestStatus.GRANTED, at, "serviceAnswer.serviceCard",
                List.of("cardLevel." + event.level().name(), event.cardNumber()));
    }

    /** A grant on the office's own initiative answers no request: there is nothing to update. */
    private void answer(String caseId, String requestId, ServiceRequestStatus status, Instant at, String key,
                        List<String> arguments) {
        if (requestId == null) {
            return;
        }
        BatchedWrites.upsert(requests, requestKey(caseId, requestId), Updates.combine(
                Updates.set("status", status.name()),
                Updates.set("answeredAt", date(at)),
                Updates.set("answerKey", key),
                Updates.set("answerArguments", arguments)));
    }

    private static String requestKey(String caseId, String requestId) {
        return caseId + ":" + requestId;
    }

    @EventHandler
    void on(FollowUpVisitRecorded event) {
        BatchedWrites.upsert(visits, event.visitId(), Updates.combine(
                Updates.set("caseId", event.caseId()),
                Updates.set("visitedOn", isoDate(event.visitedOn())),
                Updates.set("visitorName", event.visitorName()),
                Updates.set("notes", event.notes()),
                Updates.set("problemsRaised", event.problemsRaised())));
    }

    @EventHandler
    void on(VisitProblemResolved event) {
        BatchedWrites.upsert(visits, event.visitId(), Updates.addToSet("problemsResolved", event.problem()));
    }

    @QueryHandler
    public List<ServiceRequestView> handle(FindServiceRequests query) {
        return requests.find(Filters.eq("caseId", query.caseId()))
                .sort(Sorts.descending("requestedAt", "_id"))
                .map(d -> new ServiceRequestView(d.getString("caseId"), d.getString("requestId"),
                        enumValue(ServiceType.class, d, "type"), d.getString("details"), instant(d, "requestedAt"),
                        enumValue(ServiceRequestStatus.class, d, "status"), instant(d, "answeredAt"),
                        d.getString("answerKey"), d.getList("answerArguments", String.class, List.of())))
                .into(new ArrayList<>());
    }

    @QueryHandler
    public List<FollowUpVisitView> handle(FindFollowUpVisits query) {
        return visits.find(Filters.eq("caseId", query.caseId()))
                .sort(Sorts.descending("visitedOn", "_id"))
                .map(d -> new FollowUpVisitView(d.getString("caseId"), d.getString("_id"), localDate(d, "visitedOn"),
                        d.getString("visitorName"), d.getString("notes"),
                        d.getList("problemsRaised", String.class, List.of()),
                        d.getList("problemsResolved", String.class, List.of())))
                .into(new ArrayList<>());
    }
}
