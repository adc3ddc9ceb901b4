package cn.talentportal.projections.application;

import cn.talentportal.projections.application.ApplicationQueries.FindApplication;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfOpening;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.interview.InterviewState;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;

/**
 * Applications with their stage and status: the application journeys joined with their interviews at query time
 * (an interview's later events do not name the application, and a handler cannot read what its batch wrote).
 */
@Component
public class ApplicationJourneyQueries {

    private final MongoCollection<Document> applications;
    private final InterviewProjection interviews;

    public ApplicationJourneyQueries(MongoDatabase database, InterviewProjection interviews) {
        this.applications = database.getCollection(ApplicationProjection.COLLECTION);
        this.interviews = interviews;
    }

    @QueryHandler
    public List<ApplicationView> handle(FindApplicationsForEmployer query) {
        return find(Filters.eq("employerUnitId", query.employerUnitId()), true);
    }

    @QueryHandler
    public List<ApplicationView> handle(FindApplicationsOfCandidate query) {
        return find(Filters.eq("candidateId", query.candidateId()), false);
    }

    @QueryHandler
    public List<ApplicationView> handle(FindApplicationsOfOpening query) {
        return find(Filters.eq("openingId", query.openingId()), true, Math.max(0, query.offset()),
                Math.max(0, query.limit()));
    }

    @QueryHandler
    public Optional<ApplicationView> handle(FindApplication query) {
        return find(Filters.eq("_id", query.applicationId()), true).stream().findFirst();
    }

    @QueryHandler
    public OpeningPipeline handle(FindOpeningPipeline query) {
        Map<CandidateStage, List<ApplicationView>> byStage = find(Filters.eq("openingId", query.openingId()), true)
                .stream().collect(Collectors.groupingBy(ApplicationView::stage));
        return new OpeningPipeline(query.openingId(), Arrays.stream(CandidateStage.values())
                .map(stage -> {
                    List<ApplicationView> column = byStage.getOrDefault(stage, List.of());
                    return new OpeningPipeline.Column(stage, column.size(), column);
                })
                .toList());
    }

    private List<ApplicationView> find(Bson filter, boolean forRecruiters) {
        return find(filter, forRecruiters, 0, 0);
    }

    /** {@code limit} 0: all from {@code offset}. The id breaks ties, so pages neither repeat nor skip a row. */
    private List<ApplicationView> find(Bson filter, boolean forRecruiters, int offset, int limit) {
        // submitted only: documents an interview created before its application arrived are not shown yet
        List<Document> found = applications.find(Filters.and(filter, Filters.exists("submittedAt")))
                .sort(Sorts.orderBy(Sorts.descending("submittedAt"), Sorts.ascending("_id")))
                .skip(offset).limit(limit).into(new ArrayList<>());
        List<String> interviewIds = found.stream()
                .flatMap(d -> d.getList("interviewIds", String.class, List.of()).stream())
                .toList();
        Map<String, List<InterviewState>> interviewsByApplication = interviews.findByIds(interviewIds).stream()
                .collect(Collectors.groupingBy(InterviewState::applicationId));
        return found.stream()
                .map(d -> view(d, interviewsByApplication.getOrDefault(d.getString("_id"), List.of()), forRecruiters))
                .toList();
    }

    private static ApplicationView view(Document d, List<InterviewState> interviews, boolean forRecruiters) {
        ApplicationStatus lastStep = enumValue(ApplicationStatus.class, d, "step");
        ApplicationStatus status = ApplicationStatus.of(lastStep, interviews);
        Optional<InterviewState> interview = ApplicationStatus.latest(interviews);
        // the slot is shown while the interview is the stage; a cancelled one has none
        var slot = status.stage() == CandidateStage.INTERVIEW ? interview.map(InterviewState::slot).orElse(null) : null;
        RecruiterDetail detail = forRecruiters ? new RecruiterDetail(
                status == lastStep ? d.getString("reason") : interview.map(InterviewState::reason).orElse(null),
                d.getString("screeningReason"),
                interview.map(InterviewState::scorecards).orElse(0),
                interview.map(InterviewState::outcome).orElse(null),
                interview.map(InterviewState::averageScore).orElse(null),
                d.getString("post"), d.getInteger("monthlySalary"), localDate(d, "respondBy"),
                localDate(d, "signedOn"), localDate(d, "startDate"),
                interview.map(InterviewState::interviewId).orElse(null)) : null;
        return new ApplicationView(d.getString("_id"), d.getString("candidateId"), d.getString("candidateName"),
                d.getString("openingId"), d.getString("openingTitle"), d.getString("employerUnitId"),
                d.getString("employerName"), status.stage(), instant(d, "submittedAt"), status,
                instant(d, "updatedAt"), slot, detail);
    }
}
