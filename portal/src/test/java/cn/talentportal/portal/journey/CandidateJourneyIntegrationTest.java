package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.drive.DriveCommands.FeatureOpening;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.RecordAttendance;
import cn.talentportal.domain.drive.DriveCommands.RegisterAtDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.drive.RecruitmentDrive;
import cn.talentportal.domain.interview.Interview;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewEvents.InterviewReminderDue;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.ParticipantCalendar;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One graduate's whole journey on the real portal and the embedded MongoDB: registered at a campus drive, applied,
 * screened in, interviewed by a panel (reminders fired by the deadline manager), recommended, offered, signed,
 * placed, served by the retention office, and a year later the 1-year milestone fires. The clock is advanced
 * instead of waited for; the stored events and their metadata are checked stream by stream.
 */
class CandidateJourneyIntegrationTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired EventStore eventStore;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;

    /** What the journey left behind, for the snapshot test that follows it. */
    private final Map<Class<?>, String> journeyAggregates = new LinkedHashMap<>();
    private final Map<String, String> journeyIds = new HashMap<>();
    private UserAccount journeyRecruiter;
    private UserAccount journeyAdmin;

    @AfterEach
    void backToNow() {
        clock.reset();
        actAsNobody();
    }

    @Test
    void a_graduate_travels_from_a_campus_drive_to_the_first_year_milestone() {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第一中学");
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, "初中语文教师", 2);

        // the school's recruiter plans a campus drive at a university and features the opening
        actAs(school.recruiter());
        String driveId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        commands.send(new PlanDrive(driveId, DriveKind.CAMPUS_RECRUITMENT, "西南大学2027届校园招聘会", "西南大学",
                "西南大学就业指导中心", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), "县人才办"));
        commands.send(new FeatureOpening(driveId, openingId));

        // a student registers at the drive's stand, not signed in: the drive becomes her channel
        actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterAtDrive(driveId, candidateId, "王芳", JourneySteps.uniquePhone(),
                JourneySteps.uniqueEmail(), null, JourneySteps.profile(),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        Graduate wang = new Graduate(candidateId, "王芳",
                steps.account("wang", Role.CANDIDATE, "王芳", null, candidateId));

        clock.advance(Duration.ofHours(2));
        actAs(school.recruiter());
        commands.send(new RecordAttendance(driveId, candidateId));
        commands.send(new MarkDriveHeld(driveId, "到场学生 120 人"));

        String applicationId = steps.apply(wang, openingId);
        steps.screenIn(school, wang, applicationId);
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
        String interviewId = steps.scheduleInterview(school, wang, applicationId, rubricId, slot);

        // both reminders (24 hours and 1 hour before) fire from the store once the clock passes them
        clock.advance(Duration.between(clock.instant(), start.minus(Duration.ofMinutes(30))));
        deadlines.pollNow();
        assertThat(payloads(interviewId)).filteredOn(InterviewReminderDue.class::isInstance)
                .extracting(e -> ((InterviewReminderDue) e).hoursBefore()).containsExactlyInAnyOrder(24, 1);

        clock.advance(Duration.ofHours(2));
        steps.holdAndRecommend(school, interviewId, slot);
        steps.offerAccepted(school, wang, applicationId, interviewId);
        actAs(school.recruiter());
        commands.send(new SignContract(candidateId, applicationId, 3));
        LocalDate startDate = LocalDate.now(clock).plusDays(30);
        commands.send(new PlaceCandidate(candidateId, applicationId, "初二语文教师", startDate));

        // the retention office serves the talent
        String caseId = PlacementCommandHandler.retentionCaseIdOf(applicationId);
        UserAccount specialist = steps.account("specialist", Role.SPECIALIST, "陈专员", null, null);
        actAs(school.admin());
        String policyId = UUID.randomUUID().toString();
        commands.send(new PublishAllowancePolicy(policyId, "县引进人才生活补贴办法", LocalDate.now(clock).minusYears(1),
                Map.of(AllowanceType.LIVING, 1500, AllowanceType.HOUSING, 800)));
        commands.send(new AssignServiceSpecialist(caseId, specialist.userId(), specialist.displayName()));
        actAs(wang.account());
        String requestId = UUID.randomUUID().toString();
        commands.send(new RequestRetentionService(caseId, requestId, ServiceType.ALLOWANCE, "申请生活补贴"));
        // the specialist in charge of the case grants it
        actAs(specialist);
        YearMonth firstMonth = YearMonth.from(startDate);
        commands.send(new GrantAllowance(caseId, requestId, policyId, AllowanceType.LIVING, 1200, firstMonth,
                firstMonth.plusMonths(23)));
        clock.advance(Duration.ofDays(60));
        actAs(specialist);
        commands.send(new RecordFollowUpVisit(caseId, UUID.randomUUID().toString(), specialist.userId(),
                specialist.displayName(), LocalDate.now(clock), "适应良好", List.of("子女入学咨询")));

        // a year after the start date the milestone fires, once
        clock.advance(Duration.ofDays(366));
        deadlines.pollNow();
        deadlines.pollNow();
        assertThat(payloads(caseId)).filteredOn(RetentionMilestoneReached.class::isInstance)
                .singleElement().satisfies(e -> assertThat(((RetentionMilestoneReached) e).years()).isEqualTo(1));

        assertThat(types(candidateId)).containsExactly("CandidateRegistered", "ApplicationSubmitted",
                "ApplicationScreenedIn", "OfferExtended", "OfferAccepted", "ContractSigned", "CandidatePlaced");
        assertThat(((CandidateRegistered) payloads(candidateId).get(0)).channel()).satisfies(channel -> {
            assertThat(channel.source()).isEqualTo(CandidateSource.CAMPUS_DRIVE);
            assertThat(channel.reference()).isEqualTo(driveId);
            assertThat(channel.referenceTitle()).isEqualTo("西南大学2027届校园招聘会");
        });
        assertThat(types(driveId)).containsExactly("DrivePlanned", "OpeningFeatured", "CandidateRegisteredForDrive",
                "DriveAttended", "DriveHeld");
        assertThat(types(interviewId)).containsExactly("InterviewScheduled", "InterviewReminderDue",
                "InterviewReminderDue", "InterviewHeld", "ScorecardSubmitted", "ScorecardSubmitted",
                "InterviewOutcomeDecided");
        assertThat(types(ParticipantCalendar.calendarIdOf(candidateId))).containsExactly("InterviewSlotBooked");
        assertThat(types(openingId)).containsExactly("OpeningDrafted", "OpeningPublished", "OpeningSeatTaken");
        assertThat(types(caseId)).containsExactly("RetentionCaseOpened", "ServiceSpecialistAssigned",
                "RetentionServiceRequested", "AllowanceGranted", "FollowUpVisitRecorded",
                "RetentionMilestoneReached");

        journeyAggregates.putAll(Map.of(Candidate.class, candidateId, RecruitmentDrive.class, driveId,
                Interview.class, interviewId, RetentionCase.class, caseId, Opening.class, openingId));
        journeyIds.putAll(Map.of("candidate", candidateId, "application", applicationId, "drive", driveId,
                "interview", interviewId, "case", caseId, "specialistId", specialist.userId(),
                "specialistName", specialist.displayName()));
        journeyRecruiter = school.recruiter();
        journeyAdmin = school.admin();

        // every stored event names its actor, role and conversation; decisions carry their reason
        for (String stream : List.of(candidateId, driveId, interviewId, caseId, openingId)) {
            assertThat(eventStore.readEvents(stream).asStream().toList()).as(stream).allSatisfy(event -> {
                assertThat(event.getMetaData().get(AuditMetaData.USER_ID)).as("actor").isNotNull();
                assertThat(event.getMetaData().get(AuditMetaData.ROLE)).as("role").isNotNull();
                assertThat(event.getMetaData().get(AuditMetaData.CORRELATION_ID)).as("cause").isNotNull();
                assertThat(event.getMetaData().get("traceId")).as("conversation").isNotNull();
            });
        }
        DomainEventMessage<?> registered = eventStore.readEvents(candidateId).next();
        assertThat(registered.getMetaData().get(AuditMetaData.ROLE)).isEqualTo("anonymous");
        DomainEventMessage<?> screened = event(candidateId, "ApplicationScreenedIn");
        assertThat(screened.getMetaData().get(AuditMetaData.USER_ID)).isEqualTo(school.recruiter().userId());
        assertThat(screened.getMetaData().get(AuditMetaData.ROLE)).isEqualTo("RECRUITER");
        assertThat(screened.getMetaData().get(AuditMetaData.REASON)).isEqualTo("专业对口，师范背景");
        DomainEventMessage<?> accepted = event(candidateId, "OfferAccepted");
        assertThat(accepted.getMetaData().get(AuditMetaData.USER_ID)).isEqualTo(wang.account().userId());
        assertThat(accepted.getMetaData().get(AuditMetaData.ROLE)).isEqualTo("CANDIDATE");
        // the seat and the contract were caused by one command
        assertThat(event(openingId, "OpeningSeatTaken").getMetaData().get(AuditMetaData.CORRELATION_ID))
                .isEqualTo(event(candidateId, "ContractSigned").getMetaData().get(AuditMetaData.CORRELATION_ID));
        // the clock acts for nobody: a milestone is the system's, in the conversation of the placement that set it
        DomainEventMessage<?> milestone = event(caseId, "RetentionMilestoneReached");
        assertThat(milestone.getMetaData().get(AuditMetaData.ROLE)).isEqualTo("system");
        // (Axon's names: traceId is the conversation's root, correlationId the message that directly caused it)
        assertThat(milestone.getMetaData().get("traceId"))
                .isEqualTo(event(candidateId, "CandidatePlaced").getMetaData().get("traceId"));
        assertThat(event(interviewId, "InterviewOutcomeDecided").getMetaData().get(AuditMetaData.REASON))
                .isEqualTo("两位评委一致推荐");
    }

    @Autowired Snapshotter snapshotter;
    @Autowired Cache aggregateCache;

    @Test
    void every_aggregate_of_the_journey_comes_back_from_its_snapshot_with_its_rules_intact() {
        a_graduate_travels_from_a_campus_drive_to_the_first_year_milestone();
        // (Axon snapshots only streams longer than one event: the calendar's single booking is left out)
        for (Map.Entry<Class<?>, String> aggregate : journeyAggregates.entrySet()) {
            snapshotter.scheduleSnapshot(aggregate.getKey(), aggregate.getValue());
            assertThat(eventStore.readEvents(aggregate.getValue()).next().getPayload())
                    .as("snapshot of %s", aggregate.getKey().getSimpleName()).isInstanceOf(aggregate.getKey());
        }
        aggregateCache.removeAll();
        // loaded from the snapshots alone, each aggregate still knows what happened
        actAs(journeyRecruiter);
        assertRefused(() -> commands.send(new PlaceCandidate(journeyIds.get("candidate"), journeyIds.get("application"),
                "初二语文教师", LocalDate.now(clock))), "placement.alreadyPlaced");
        assertRefused(() -> commands.send(new RecordAttendance(journeyIds.get("drive"), journeyIds.get("candidate"))),
                "drive.attendance.alreadyRecorded");
        assertRefused(() -> commands.send(new DecideInterviewOutcome(journeyIds.get("interview"),
                InterviewOutcome.RECOMMENDED, "再次决定")), "interview.decided");
        actAs(journeyAdmin);
        assertRefused(() -> commands.send(new AssignServiceSpecialist(journeyIds.get("case"),
                journeyIds.get("specialistId"), journeyIds.get("specialistName"))), "retention.specialist.alreadyAssigned");
        // a create sent twice (a double-submitted form) is said plainly and stores nothing twice
        actAs(journeyRecruiter);
        assertRefused(() -> commands.send(new PlanDrive(journeyIds.get("drive"), DriveKind.ONLINE_JOB_FAIR, "重复提交",
                null, "https://example.cn/fair", clock.instant().plus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(1).plusHours(2)), "县人才办")), "command.alreadyExists");
        // an id that names nothing is said plainly, not as a failure
        assertRefused(() -> commands.send(new ExtendOffer(journeyIds.get("candidate"), journeyIds.get("application"),
                "no-such-interview", new OfferTerms("语文教师", 5000, LocalDate.now(clock).plusDays(30),
                        LocalDate.now(clock).plusDays(7)))), "command.recordNotFound");
    }

    private static void assertRefused(Runnable command, String messageKey) {
        assertThat(catchThrowableOfType(DomainRuleViolation.class, command::run).messageKey()).isEqualTo(messageKey);
    }

    private List<Object> payloads(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private List<String> types(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    private DomainEventMessage<?> event(String aggregateId, String type) {
        return eventStore.readEvents(aggregateId).asStream()
                .filter(e -> e.getPayloadType().getSimpleName().equals(type)).findFirst().orElseThrow();
    }
}
