package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentVacated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.SchoolPlaceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ServiceCardIssued;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.retention.RetentionQueries.CountCaseload;
import cn.talentportal.projections.retention.RetentionQueries.CountUnassignedCases;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseload;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseloadPage;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import cn.talentportal.projections.retention.RetentionQueries.FindUnassignedCases;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;

/**
 * Each retention case as its service specialist follows it: requests still open, visits, open problems, milestones,
 * departure. Requests, answers, problems and milestones are sets ($addToSet) and the last visit a $max, so a
 * replayed event changes nothing twice; what is open is the difference, taken when queried.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("retention-caseload")
public class RetentionCaseloadProjection {

    public static final String COLLECTION = "retention_caseload";
    /** The office visits each talent at least once a quarter; the next visit is due a quarter after the last. */
    static final Period VISIT_INTERVAL = Period.ofMonths(3);
    static final List<Integer> MILESTONE_YEARS = List.of(1, 3, 5);

    private final MongoCollection<Document> cases;

    public RetentionCaseloadProjection(MongoDatabase database) {
        this.cases = database.getCollection(COLLECTION);
        // ignored by the embedded wire server, used by a real MongoDB
        cases.createIndex(Indexes.ascending("specialistUserId", "departedOn", "candidateName"));
        cases.createIndex(Indexes.ascending("candidateId"));
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        cases.deleteMany(new Document());
    }

    @EventHandler
    void on(RetentionCaseOpened event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.combine(
                Updates.set("candidateId", event.candidateId()),
                Updates.set("candidateName", event.candidateName()),
                Updates.set("employerName", event.employerName()),
                Updates.set("post", event.post()),
                Updates.set("sector", event.sector().name()),
                Updates.set("county", event.county()),
                Updates.set("startDate", isoDate(event.startDate())),
                Updates.set("signedOn", isoDate(event.signedOn()))));
    }

    @EventHandler
    void on(ServiceSpecialistAssigned event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.combine(
                Updates.set("specialistUserId", event.specialistUserId()),
                Updates.set("specialistName", event.specialistName())));
    }

    @EventHandler
    void on(RetentionServiceRequested event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.addToSet("requests",
                new Document("requestId", event.requestId()).append("type", event.type().name())));
    }

    @EventHandler
    void on(RetentionServiceRefused event) {
        answered(event.caseId(), event.requestId());
    }

    @EventHandler
    void on(ApartmentAllocated event) {
        answered(event.caseId(), event.requestId());
        granted(event.caseId(), ServiceType.TALENT_APARTMENT);
        BatchedWrites.upsert(cases, event.caseId(), Updates.set("apartment", event.apartment()));
    }

    @EventHandler
    void on(ApartmentVacated event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.unset("apartment"));
    }

    @EventHandler
    void on(AllowanceGranted event) {
        answered(event.caseId(), event.requestId());
        granted(event.caseId(), ServiceType.ALLOWANCE);
    }

    @EventHandler
    void on(SchoolPlaceGranted event) {
        answered(event.caseId(), event.requestId());
        granted(event.caseId(), ServiceType.SCHOOL_PLACE);
    }

    @EventHandler
    void on(ServiceCardIssued event) {
        answered(event.caseId(), event.requestId());
        granted(event.caseId(), ServiceType.SERVICE_CARD);
    }

    /** A grant on the office's own initiative answers no request. */
    private void answered(String caseId, String requestId) {
        if (requestId != null) {
            BatchedWrites.upsert(cases, caseId, Updates.addToSet("answered", requestId));
        }
    }

    private void granted(String caseId, ServiceType type) {
        BatchedWrites.upsert(cases, caseId, Updates.addToSet("granted", type.name()));
    }

    @EventHandler
    void on(FollowUpVisitRecorded event) {
        List<Document> problems = event.problemsRaised().stream()
                .map(problem -> problem(event.visitId(), problem))
                .toList();
        BatchedWrites.upsert(cases, event.caseId(), Updates.combine(
                // ISO dates compare as text: $max keeps the latest visit whatever the order of recording
                Updates.max("lastVisitOn", isoDate(event.visitedOn())),
                Updates.addEachToSet("problemsRaised", problems)));
    }

    @EventHandler
    void on(VisitProblemResolved event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.addToSet("problemsResolved",
                problem(event.visitId(), event.problem())));
    }

    private static Document problem(String visitId, String problem) {
        return new Document("visitId", visitId).append("problem", problem);
    }

    @EventHandler
    void on(RetentionMilestoneReached event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.addToSet("milestonesReached", event.years()));
    }

    @EventHandler
    void on(TalentDeparted event) {
        BatchedWrites.upsert(cases, event.caseId(), Updates.combine(
                Updates.set("departedOn", isoDate(event.departedOn())),
                Updates.set("departureReason", event.reason())));
    }

    /** The specialist's cases, those still in post first, then by name. */
    @QueryHandler
    public List<CaseloadEntry> handle(FindCaseload query) {
        return cases.find(Filters.eq("specialistUserId", query.specialistUserId()))
                .sort(Sorts.ascending("candidateName"))
                .map(RetentionCaseloadProjection::entry)
                .into(new ArrayList<>())
                .stream()
                .sorted((a, b) -> Boolean.compare(a.departedOn() != null, b.departedOn() != null))
                .toList();
    }

    /** Those still in post first (a missing departure sorts first), then by name; stable for paging. */
    private static final Bson CASELOAD_ORDER = Sorts.ascending("departedOn", "candidateName", "_id");

    @QueryHandler
    public List<CaseloadEntry> handle(FindCaseloadPage query) {
        return cases.find(Filters.eq("specialistUserId", query.specialistUserId()))
                .sort(CASELOAD_ORDER)
                .skip(Math.max(0, query.offset()))
                .limit(Math.clamp(query.limit(), 1, 500))
                .map(RetentionCaseloadProjection::entry)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountCaseload query) {
        return cases.countDocuments(Filters.eq("specialistUserId", query.specialistUserId()));
    }

    /** A case is listed once it is opened (an assignment alone makes no case to take over). */
    private static final Bson UNASSIGNED = Filters.and(Filters.exists("specialistUserId", false),
            Filters.exists("candidateId"), Filters.exists("departedOn", false));

    @QueryHandler
    public List<CaseloadEntry> handle(FindUnassignedCases query) {
        return cases.find(UNASSIGNED)
                .sort(Sorts.ascending("startDate", "_id"))
                .skip(Math.max(0, query.offset()))
                .limit(Math.clamp(query.limit(), 1, 500))
                .map(RetentionCaseloadProjection::entry)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountUnassignedCases query) {
        return cases.countDocuments(UNASSIGNED);
    }

    @QueryHandler
    public Optional<CaseloadEntry> handle(FindRetentionCase query) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", query.caseId())).first())
                .filter(d -> d.getString("candidateId") != null)
                .map(RetentionCaseloadProjection::entry);
    }

    @QueryHandler
    public List<CaseloadEntry> handle(FindCasesOfCandidate query) {
        return cases.find(Filters.eq("candidateId", query.candidateId()))
                .sort(Sorts.descending("startDate"))
                .map(RetentionCaseloadProjection::entry)
                .into(new ArrayList<>());
    }

    static CaseloadEntry entry(Document d) {
        Set<String> answered = Set.copyOf(d.getList("answered", String.class, List.of()));
        List<CaseloadEntry.OpenRequest> openRequests = d.getList("requests", Document.class, List.of()).stream()
                .filter(r -> !answered.contains(r.getString("requestId")))
                .map(r -> new CaseloadEntry.OpenRequest(r.getString("requestId"),
                        enumValue(ServiceType.class, r, "type")))
                .toList();
        Set<Document> resolved = Set.copyOf(d.getList("problemsResolved", Document.class, List.of()));
        List<String> openProblems = d.getList("problemsRaised", Document.class, List.of()).stream()
                .filter(p -> !resolved.contains(p))
                .map(p -> p.getString("problem"))
                .toList();
        LocalDate startDate = localDate(d, "startDate");
        LocalDate lastVisit = localDate(d, "lastVisitOn");
        LocalDate departedOn = localDate(d, "departedOn");
        List<Integer> reached = d.getList("milestonesReached", Integer.class, List.of()).stream().sorted().toList();
        Integer nextMilestone = departedOn != null ? null : MILESTONE_YEARS.stream()
                .filter(years -> !reached.contains(years)).findFirst().orElse(null);
        return new CaseloadEntry(d.getString("_id"), d.getString("candidateId"), d.getString("candidateName"),
                d.getString("employerName"), d.getString("post"), enumValue(Sector.class, d, "sector"),
                d.getString("county"), startDate, d.getString("apartment"), openRequests, openProblems, lastVisit,
                departedOn != null || startDate == null ? null
                        : (lastVisit != null ? lastVisit : startDate).plus(VISIT_INTERVAL),
                reached, nextMilestone,
                nextMilestone == null || startDate == null ? null : startDate.plusYears(nextMilestone),
                departedOn, d.getString("departureReason"), localDate(d, "signedOn"), d.getString("specialistUserId"),
                d.getString("specialistName"), d.getList("granted", String.class, List.of()).stream().map(ServiceType::valueOf).sorted().toList());
    }

}
