package cn.talentportal.projections.application;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import cn.talentportal.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/** Applications by opening unit and by candidate. */
@Component
@ProcessingGroup("applications")
public class ApplicationProjection {

    static final String SUBMITTED = "SUBMITTED";

    private final MongoCollection<Document> applications;

    public ApplicationProjection(MongoDatabase database) {
        this.applications = database.getCollection("applications");
    }

    @EventHandler
    void on(ApplicationSubmitted event, @Timestamp Instant submittedAt) {
        BatchedWrites.replace(applications, event.applicationId(), new Document("candidateId", event.candidateId())
                .append("candidateName", event.candidateName())
                .append("openingId", event.openingId())
                .append("openingTitle", event.openingTitle())
                .append("employerUnitId", event.employerUnitId())
                .append("employerName", event.employerName())
                .append("stage", SUBMITTED)
                .append("submittedAt", date(submittedAt)));
    }

    @QueryHandler
    public List<ApplicationView> handle(FindApplicationsForEmployer query) {
        return find(Filters.eq("employerUnitId", query.employerUnitId()));
    }

    @QueryHandler
    public List<ApplicationView> handle(FindApplicationsOfCandidate query) {
        return find(Filters.eq("candidateId", query.candidateId()));
    }

    private List<ApplicationView> find(Bson filter) {
        return applications.find(filter).sort(Sorts.descending("submittedAt"))
                .map(d -> new ApplicationView(d.getString("_id"), d.getString("candidateId"),
                        d.getString("candidateName"), d.getString("openingId"), d.getString("openingTitle"),
                        d.getString("employerUnitId"), d.getString("employerName"), d.getString("stage"),
                        instant(d, "submittedAt")))
                .into(new ArrayList<>());
    }
}
