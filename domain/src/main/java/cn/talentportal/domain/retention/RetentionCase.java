package cn.talentportal.domain.retention;

import cn.talentportal.domain.retention.RetentionCommands.AllocateApartment;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.GrantSchoolPlace;
import cn.talentportal.domain.retention.RetentionCommands.IssueServiceCard;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.RecordDeparture;
import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.retention.RetentionCommands.RecordMoveOut;
import cn.talentportal.domain.retention.RetentionCommands.RecordTitlePromotion;
import cn.talentportal.domain.retention.RetentionCommands.RefuseRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.ResolveProblem;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentVacated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.ProfessionalTitlePromoted;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.SchoolPlaceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ServiceCardIssued;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the office does to keep one placed talent in post: services requested and granted or refused, follow-up
 * visits, promotions, the 1-, 3- and 5-year milestones, and the departure that ends the case.
 */
public class RetentionCase {

    /** The milestones are deadlines of this name; a departure cancels those still pending. */
    public static final String MILESTONE_DEADLINE = "retentionMilestone";
    static final List<Integer> MILESTONE_YEARS = List.of(1, 3, 5);

    @AggregateIdentifier
    private String caseId;
    private String candidateId;
    private String candidateName;
    private String employerName;
    private LocalDate startDate;
    private LocalDate signedOn;
    private final Map<String, ServiceType> requests = new HashMap<>();
    private final Set<String> answeredRequests = new HashSet<>();
    private String apartment;
    private LocalDate apartmentMoveIn;
    private final List<AllowancePeriod> allowances = new ArrayList<>();
    private CardLevel serviceCard;
    private String specialistUserId;
    private String specialistName;
    private final Map<String, Set<String>> problemsRaisedByVisit = new HashMap<>();
    private final Map<String, Set<String>> problemsResolvedByVisit = new HashMap<>();
    private String professionalTitle;
    private LocalDate departedOn;

    protected RetentionCase() {
        // for Axon
    }

    @CommandHandler
    public RetentionCase(OpenRetentionCase command, Clock clock, DeadlineManager deadlines) {
        String candidateId = Require.text(command.candidateId(), "retention.candidate", 64);
        String candidateName = Require.text(command.candidateName(), "retention.candidate", 50);
        String employerUnitId = Require.text(command.employerUnitId(), "retention.employer", 64);
        String employerName = Require.text(command.employerName(), "retention.employer", 100);
        String post = Require.text(command.post(), "retention.post", 80);
        Require.present(command.sector(), "retention.sector");
        String county = Require.text(command.county(), "retention.county", 50);
        Require.date(command.startDate(), "retention.startDate");
        Require.date(command.signedOn(), "retention.signedOn");
        apply(new RetentionCaseOpened(command.caseId(), candidateId, candidateName, employerUnitId, employerName, post,
                command.sector(), county, command.startDate(), command.signedOn()));
        for (int years : MILESTONE_YEARS) {
            deadlines.schedule(command.startDate().plusYears(years).atStartOfDay(clock.getZone()).toInstant(),
                    MILESTONE_DEADLINE, new MilestoneDue(years));
        }
    }

    /** The payload of a milestone deadline. */
    public record MilestoneDue(int years) {
    }

    @DeadlineHandler(deadlineName = MILESTONE_DEADLINE)
    void on(MilestoneDue milestone) {
        if (departedOn != null) {
            return; // the departure cancelled it; one that fires nonetheless finds the talent gone
        }
        apply(new RetentionMilestoneReached(caseId, candidateId, candidateName, milestone.years(), employerName,
                startDate.plusYears(milestone.years())));
    }

    @CommandHandler
    public void handle(RequestRetentionService command) {
        requireInPost();
        String requestId = Require.text(command.requestId(), "retention.requestId", 64);
        Require.present(command.type(), "retention.serviceType");
        String details = Require.optionalText(command.details(), "retention.details", 1000);
        if (requests.containsKey(requestId)) {
            throw new DomainRuleViolation("retention.request.duplicate", requestId);
        }
        apply(new RetentionServiceRequested(caseId, candidateId, candidateName, requestId, command.type(), details));
    }

    @CommandHandler
    public void handle(RefuseRetentionService command) {
        requireInPost();
        String requestId = Require.text(command.requestId(), "retention.requestId", 64);
        String reason = Require.text(command.reason(), "retention.refusalReason", 500);
        ServiceType type = openRequest(requestId);
        apply(new RetentionServiceRefused(caseId, candidateId, candidateName, requestId, type, reason));
    }

    @CommandHandler
    public void handle(AllocateApartment command) {
        requireInPost();
        String requestId = answeredRequest(command.requestId(), ServiceType.TALENT_APARTMENT);
        String allocated = Require.text(command.apartment(), "retention.apartment", 100);
        Require.present(command.moveIn(), "retention.moveIn");
        if (apartment != null) {
            throw new DomainRuleViolation("retention.apartment.occupied", candidateName, apartment);
        }
        apply(new ApartmentAllocated(caseId, candidateId, candidateName, requestId, allocated, command.moveIn()));
    }

    /** Accepted after a departure too: a talent who left the post may still hand the apartment back later. */
    @CommandHandler
    public void handle(RecordMoveOut command) {
        Require.present(command.moveOut(), "retention.moveOut");
        if (apartment == null) {
            throw new DomainRuleViolation("retention.apartment.none", candidateName);
        }
        if (command.moveOut().isBefore(apartmentMoveIn)) {
            throw new DomainRuleViolation("retention.apartment.moveOutBeforeMoveIn", apartmentMoveIn);
        }
        apply(new ApartmentVacated(caseId, candidateId, candidateName, apartment, command.moveOut()));
    }

    /** The signing date that picks the policy version, asked by {@link AllowanceCommandHandler}. */
    LocalDate signedOnWhileInPost() {
        requireInPost();
        return signedOn;
    }

    /** Called by {@link AllowanceCommandHandler} with the policy version in force at signing. */
    void grantAllowance(GrantAllowance command, PolicyVersion policy) {
        requireInPost();
        String requestId = answeredRequest(command.requestId(), ServiceType.ALLOWANCE);
        Integer cap = policy.monthlyCaps().get(command.type());
        String typeLabel = "allowanceType." + command.type().name();
        if (cap == null) {
            throw new DomainRuleViolation("retention.allowance.typeNotInPolicy", policy.name(), policy.version(),
                    typeLabel);
        }
        if (command.monthlyAmount() > cap) {
            throw new DomainRuleViolation("retention.allowance.aboveCap", typeLabel, command.monthlyAmount(),
                    policy.name(), policy.version(), cap);
        }
        allowances.stream()
                .filter(granted -> granted.overlaps(command.type(), command.from(), command.until()))
                .findFirst()
                .ifPresent(granted -> {
                    throw new DomainRuleViolation("retention.allowance.overlapping", typeLabel, granted.from(),
                            granted.until());
                });
        apply(new AllowanceGranted(caseId, candidateId, candidateName, requestId, command.type(),
                command.monthlyAmount(), command.from(), command.until(), policy.policyId(), policy.name(),
                policy.version(), cap));
    }

    @CommandHandler
    public void handle(GrantSchoolPlace command) {
        requireInPost();
        String requestId = answeredRequest(command.requestId(), ServiceType.SCHOOL_PLACE);
        Require.present(command.child(), "retention.child");
        String school = Require.text(command.school(), "retention.school", 100);
        String grade = Require.text(command.grade(), "retention.grade", 20);
        apply(new SchoolPlaceGranted(caseId, candidateId, candidateName, requestId, command.child(), school, grade));
    }

    @CommandHandler
    public void handle(IssueServiceCard command) {
        requireInPost();
        String requestId = answeredRequest(command.requestId(), ServiceType.SERVICE_CARD);
        String cardNumber = Require.text(command.cardNumber(), "retention.cardNumber", 40);
        Require.present(command.level(), "retention.cardLevel");
        if (serviceCard != null && command.level().compareTo(serviceCard) <= 0) {
            throw new DomainRuleViolation("retention.card.notAnUpgrade", candidateName,
                    "cardLevel." + serviceCard.name());
        }
        apply(new ServiceCardIssued(caseId, candidateId, candidateName, requestId, cardNumber, command.level()));
    }

    @CommandHandler
    public void handle(AssignServiceSpecialist command) {
        requireInPost();
        String userId = Require.text(command.specialistUserId(), "retention.specialist", 64);
        String name = Require.text(command.specialistName(), "retention.specialist", 50);
        if (userId.equals(specialistUserId)) {
            throw new DomainRuleViolation("retention.specialist.alreadyAssigned", specialistName);
        }
        apply(new ServiceSpecialistAssigned(caseId, candidateId, candidateName, userId, name, specialistUserId,
                specialistName));
    }

    @CommandHandler
    public void handle(RecordFollowUpVisit command, Clock clock) {
        requireInPost();
        String visitId = Require.text(command.visitId(), "retention.visitId", 64);
        String visitorUserId = Require.text(command.visitorUserId(), "retention.visitor", 64);
        String visitorName = Require.text(command.visitorName(), "retention.visitor", 50);
        Require.present(command.visitedOn(), "retention.visitedOn");
        String notes = Require.text(command.notes(), "retention.visitNotes", 2000);
        List<String> problems = command.problemsRaised() == null ? List.of() : command.problemsRaised().stream()
                .map(problem -> Require.text(problem, "retention.problem", 200))
                .distinct()
                .toList();
        requireNotAfterToday(command.visitedOn(), clock, "retention.visitedOn");
        if (problemsRaisedByVisit.containsKey(visitId)) {
            throw new DomainRuleViolation("retention.visit.duplicate", visitId);
        }
        apply(new FollowUpVisitRecorded(caseId, candidateId, candidateName, visitId, visitorUserId, visitorName,
                command.visitedOn(), notes, problems));
    }

    @CommandHandler
    public void handle(ResolveProblem command) {
        requireInPost();
        String visitId = Require.text(command.visitId(), "retention.visitId", 64);
        String problem = Require.text(command.problem(), "retention.problem", 200);
        String resolution = Require.text(command.resolution(), "retention.resolution", 1000);
        if (!problemsRaisedByVisit.containsKey(visitId)) {
            throw new DomainRuleViolation("retention.visit.unknown", visitId);
        }
        if (!problemsRaisedByVisit.get(visitId).contains(problem)) {
            throw new DomainRuleViolation("retention.problem.notRaised", problem);
        }
        if (problemsResolvedByVisit.get(visitId).contains(problem)) {
            throw new DomainRuleViolation("retention.problem.alreadyResolved", problem);
        }
        apply(new VisitProblemResolved(caseId, candidateId, candidateName, visitId, problem, resolution));
    }

    @CommandHandler
    public void handle(RecordTitlePromotion command, Clock clock) {
        requireInPost();
        String title = Require.text(command.title(), "retention.professionalTitle", 50);
        Require.present(command.promotedOn(), "retention.promotedOn");
        requireNotAfterToday(command.promotedOn(), clock, "retention.promotedOn");
        if (title.equals(professionalTitle)) {
            throw new DomainRuleViolation("retention.title.unchanged", title);
        }
        apply(new ProfessionalTitlePromoted(caseId, candidateId, candidateName, employerName, title,
                command.promotedOn()));
    }

    @CommandHandler
    public void handle(RecordDeparture command, Clock clock, DeadlineManager deadlines) {
        requireInPost();
        Require.present(command.departedOn(), "retention.departedOn");
        String reason = Require.text(command.reason(), "retention.departureReason", 500);
        if (command.departedOn().isBefore(startDate)) {
            throw new DomainRuleViolation("retention.departure.beforeStart", startDate);
        }
        requireNotAfterToday(command.departedOn(), clock, "retention.departedOn");
        int yearsInPost = Period.between(startDate, command.departedOn()).getYears();
        apply(new TalentDeparted(caseId, candidateId, candidateName, employerName, command.departedOn(), reason,
                yearsInPost));
        deadlines.cancelAllWithinScope(MILESTONE_DEADLINE);
    }

    private void requireInPost() {
        if (departedOn != null) {
            throw new DomainRuleViolation("retention.case.departed", candidateName, departedOn);
        }
    }

    /** Facts are recorded once they happened. */
    private static void requireNotAfterToday(LocalDate date, Clock clock, String field) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new DomainRuleViolation("retention.date.inFuture", field);
        }
    }

    /** The type of a request still waiting for an answer. */
    private ServiceType openRequest(String requestId) {
        ServiceType type = requests.get(requestId);
        if (type == null) {
            throw new DomainRuleViolation("retention.request.unknown", requestId);
        }
        if (answeredRequests.contains(requestId)) {
            throw new DomainRuleViolation("retention.request.alreadyAnswered", requestId);
        }
        return type;
    }

    /** The request a grant answers, or null when the office grants on its own initiative. */
    private String answeredRequest(String requestId, ServiceType granted) {
        String id = Require.optionalText(requestId, "retention.requestId", 64);
        if (id == null) {
            return null;
        }
        ServiceType requested = openRequest(id);
        if (requested != granted) {
            throw new DomainRuleViolation("retention.request.otherService", id, "serviceType." + requested.name());
        }
        return id;
    }

    private void answer(String requestId) {
        if (requestId != null) {
            answeredRequests.add(requestId);
        }
    }

    /** The months an allowance of a type is paid; two of the same type may not overlap. */
    private record AllowancePeriod(AllowanceType type, YearMonth from, YearMonth until) {

        boolean overlaps(AllowanceType otherType, YearMonth otherFrom, YearMonth otherUntil) {
            return type == otherType && !from.isAfter(otherUntil) && !otherFrom.isAfter(until);
        }
    }

    @EventSourcingHandler
    void on(RetentionCaseOpened event) {
        caseId = event.caseId();
        candidateId = event.candidateId();
        candidateName = event.candidateName();
        employerName = event.employerName();
        startDate = event.startDate();
        signedOn = event.signedOn();
    }

    @EventSourcingHandler
    void on(RetentionServiceRequested event) {
        requests.put(event.requestId(), event.type());
    }

    @EventSourcingHandler
    void on(RetentionServiceRefused event) {
        answer(event.requestId());
    }

    @EventSourcingHandler
    void on(ApartmentAllocated event) {
        answer(event.requestId());
        apartment = event.apartment();
        apartmentMoveIn = event.moveIn();
    }

    @EventSourcingHandler
    void on(ApartmentVacated event) {
        apartment = null;
        apartmentMoveIn = null;
    }

    @EventSourcingHandler
    void on(AllowanceGranted event) {
        answer(event.requestId());
        allowances.add(new AllowancePeriod(event.type(), event.from(), event.until()));
    }

    @EventSourcingHandler
    void on(SchoolPlaceGranted event) {
        answer(event.requestId());
    }

    @EventSourcingHandler
    void on(ServiceCardIssued event) {
        answer(event.requestId());
        serviceCard = event.level();
    }

    @EventSourcingHandler
    void on(ServiceSpecialistAssigned event) {
        specialistUserId = event.specialistUserId();
        specialistName = event.specialistName();
    }

    @EventSourcingHandler
    void on(FollowUpVisitRecorded event) {
        problemsRaisedByVisit.put(event.visitId(), new HashSet<>(event.problemsRaised()));
        problemsResolvedByVisit.put(event.visitId(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(VisitProblemResolved event) {
        problemsResolvedByVisit.get(event.visitId()).add(event.problem());
    }

    @EventSourcingHandler
    void on(ProfessionalTitlePromoted event) {
        professionalTitle = event.professionalTitle();
    }

    @EventSourcingHandler
    void on(TalentDeparted event) {
        departedOn = event.departedOn();
    }
}
