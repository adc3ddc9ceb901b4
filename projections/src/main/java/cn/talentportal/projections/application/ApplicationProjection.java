package cn.talentportal.projections.application;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferDeclined;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.projections.application.ApplicationQueries.ApplicationChanged;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;

/**
 * Each application's journey: who applied to what, its last step as the candidate's events tell it, and the ids of
 * its interviews (whose own state is in the interviews read model). Every write is a $set or $addToSet keyed by the
 * application id: a replayed or redelivered event changes nothing twice. A group of its own name
 * ("application-journeys", collection {@value #COLLECTION}), so an existing store fills it from all past events.
 * <p>
 * Each step also tells the open subscription queries on the opening's pipeline and the candidate's own list that the
 * application changed. The emitter holds the update until the batch's unit of work has committed, which is after
 * {@link BatchedWrites} sent the batch to MongoDB: a view that reads again on the update sees the change.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("application-journeys")
public class ApplicationProjection {

    public static final String COLLECTION = "application_journeys";

    private final MongoCollection<Document> applications;
    private final QueryUpdateEmitter updates;

    public ApplicationProjection(MongoDatabase database, QueryUpdateEmitter updates) {
        this.applications = database.getCollection(COLLECTION);
        this.updates = updates;
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        applications.deleteMany(new Document());
    }

    @EventHandler
    void on(ApplicationSubmitted event, @Timestamp Instant submittedAt) {
        BatchedWrites.upsert(applications, event.applicationId(), Updates.combine(
                Updates.set("candidateId", event.candidateId()),
                Updates.set("candidateName", event.candidateName()),
                Updates.set("openingId", event.openingId()),
                Updates.set("openingTitle", event.openingTitle()),
                Updates.set("employerUnitId", event.employerUnitId()),
                Updates.set("employerName", event.employerName()),
                Updates.set("submittedAt", date(submittedAt)),
                Updates.set("step", ApplicationStatus.SUBMITTED.name()),
                Updates.set("updatedAt", date(submittedAt))));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(ApplicationScreenedIn event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.SCREENED_IN, at, Updates.set("screeningReason", event.reason()),
                Updates.set("reason", event.reason()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(ApplicationScreenedOut event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.SCREENED_OUT, at,
                Updates.set("screeningReason", event.reason()), Updates.set("reason", event.reason()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(ApplicationWithdrawn event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.WITHDRAWN, at, Updates.set("reason", event.reason()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(InterviewScheduled event) {
        BatchedWrites.upsert(applications, event.applicationId(), Updates.addToSet("interviewIds",
                event.interviewId()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(OfferExtended event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.OFFER_EXTENDED, at,
                Updates.set("post", event.terms().post()),
                Updates.set("monthlySalary", event.terms().monthlySalary()),
                Updates.set("respondBy", isoDate(event.terms().respondBy())),
                Updates.set("reason", event.verdictReason()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(OfferAccepted event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.OFFER_ACCEPTED, at, Updates.set("post", event.post()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(OfferDeclined event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.OFFER_DECLINED, at, Updates.set("reason", event.reason()));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(OfferExpired event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.OFFER_EXPIRED, at);
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(ContractSigned event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.SIGNED, at, Updates.set("post", event.post()),
                Updates.set("monthlySalary", event.monthlySalary()),
                Updates.set("signedOn", isoDate(event.signedOn())));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    @EventHandler
    void on(CandidatePlaced event, @Timestamp Instant at) {
        step(event.applicationId(), ApplicationStatus.PLACED, at, Updates.set("post", event.post()),
                Updates.set("startDate", isoDate(event.startDate())));
        changed(event.applicationId(), event.candidateId(), event.openingId());
    }

    private void changed(String applicationId, String candidateId, String openingId) {
        ApplicationChanged change = new ApplicationChanged(applicationId, candidateId, openingId);
        updates.emit(FindOpeningPipeline.class, query -> query.openingId().equals(openingId), change);
        updates.emit(FindApplicationsOfCandidate.class, query -> query.candidateId().equals(candidateId), change);
    }

    private void step(String applicationId, ApplicationStatus step, Instant at, Bson... more) {
        List<Bson> changes = new ArrayList<>(List.of(more));
        changes.add(Updates.set("step", step.name()));
        changes.add(Updates.set("updatedAt", date(at)));
        BatchedWrites.upsert(applications, applicationId, Updates.combine(changes));
    }
}
