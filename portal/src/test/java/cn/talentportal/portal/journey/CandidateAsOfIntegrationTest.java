package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.SignUpForDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.privacy.ExportFormat;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordHistoryExport;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.infra.deadline.MongoDeadlineManager;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.JourneySteps.Graduate;
import cn.talentportal.portal.journey.JourneySteps.Unit;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.CandidateStage;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.DossierDiff;
import cn.talentportal.projections.dossier.DossierDiff.Change;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import cn.talentportal.projections.dossier.DossierSection;
import cn.talentportal.projections.dossier.PolicyVerdict;
import cn.talentportal.projections.privacy.AccessTrailEntry;
import cn.talentportal.projections.privacy.PrivacyQueries.FindPersonalDataAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's check of the as-of replay on the real portal: a graduate's journey through the command gateway, her
 * dossier captured right after three steps (screened in before the interview, offer accepted, placed), and at the
 * end each instant replayed again from the store, equal to what was captured then although much happened since.
 */
class CandidateAsOfIntegrationTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired MongoDeadlineManager deadlines;
    @Autowired QueryGateway queries;

    @AfterEach
    void backToNow() {
        clock.reset();
        actAsNobody();
    }

    @Test
    void a_candidate_replayed_as_of_three_instants_equals_what_was_captured_at_each() throws InterruptedException {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第三中学");
        String rubricId = steps.defineRubric(school.admin());
        String openingId = steps.publishOpening(school, "初中数学教师", 2);
        Graduate li = steps.selfRegistered("李小红");

        // she signs up for an online fair: only the drive's stream names her, so the replay needs the link index
        actAs(school.recruiter());
        String driveId = UUID.randomUUID().toString();
        Instant fairStart = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        commands.send(new PlanDrive(driveId, DriveKind.ONLINE_JOB_FAIR, "县教育系统网络招聘会", null,
                "https://fair.example.cn", fairStart, fairStart.plus(Duration.ofHours(3)), "县人才办"));
        actAs(li.account());
        commands.send(new SignUpForDrive(driveId, li.candidateId(), li.name()));
        eventually(() -> asOf(li, Instant.now()), dossier -> dossier.section("drives/" + driveId).isPresent(),
                "the drive linked to the candidate");

        String applicationId = steps.apply(li, openingId);
        steps.screenIn(school, li, applicationId);
        CandidateDossier screenedIn = captureNow(li);

        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
        String interviewId = steps.scheduleInterview(school, li, applicationId, rubricId, slot);
        clock.advance(Duration.between(clock.instant(), slot.end().plus(Duration.ofMinutes(5))));
        deadlines.pollNow(); // the reminders fire now, not while a dossier is captured
        steps.holdAndRecommend(school, interviewId, slot);
        steps.offerAccepted(school, li, applicationId, interviewId);
        CandidateDossier offered = captureNow(li);

        actAs(school.recruiter());
        commands.send(new SignContract(li.candidateId(), applicationId, 3));
        LocalDate startDate = LocalDate.now(clock).plusDays(30);
        commands.send(new PlaceCandidate(li.candidateId(), applicationId, "初一数学教师", startDate));
        CandidateDossier placed = captureNow(li);

        // more happens afterwards: an allowance under a policy, decided and replayed against the policy's stream
        String caseId = PlacementCommandHandler.retentionCaseIdOf(applicationId);
        actAs(school.admin());
        String policyId = UUID.randomUUID().toString();
        commands.send(new PublishAllowancePolicy(policyId, "县引进人才生活补贴办法", LocalDate.now(clock).minusYears(1),
                Map.of(AllowanceType.LIVING, 1500)));
        UserAccount specialist = steps.account("specialist", Role.SPECIALIST, "陈专员", null, null);
        commands.send(new AssignServiceSpecialist(caseId, specialist.userId(), specialist.displayName()));
        actAs(li.account());
        String requestId = UUID.randomUUID().toString();
        commands.send(new RequestRetentionService(caseId, requestId, ServiceType.ALLOWANCE, "申请生活补贴"));
        // the specialist in charge of the case grants it
        actAs(specialist);
        YearMonth firstMonth = YearMonth.from(startDate);
        commands.send(new GrantAllowance(caseId, requestId, policyId, AllowanceType.LIVING, 1200, firstMonth,
                firstMonth.plusMonths(23)));

        // each instant replays to exactly what was captured then
        assertThat(asOf(li, screenedIn.asOf())).isEqualTo(screenedIn);
        assertThat(asOf(li, offered.asOf())).isEqualTo(offered);
        assertThat(asOf(li, placed.asOf())).isEqualTo(placed);

        String application = "applications/" + applicationId + "/";
        assertThat(screenedIn.value(application + "status")).isEqualTo(ApplicationStatus.SCREENED_IN);
        assertThat(screenedIn.section("interviews/" + interviewId)).isEmpty();
        assertThat(offered.value(application + "status")).isEqualTo(ApplicationStatus.OFFER_ACCEPTED);
        assertThat(offered.value("interviews/" + interviewId + "/status")).isEqualTo(InterviewStatus.DECIDED);
        assertThat(offered.value("interviews/" + interviewId + "/scorecards/" + school.panelist().userId()
                + "/rubricVersion")).isEqualTo(1);
        assertThat(placed.value(application + "stage")).isEqualTo(CandidateStage.PLACED);
        assertThat(placed.section("retention/" + caseId)).isPresent();
        assertThat(placed.value("retention/" + caseId + "/allowances/LIVING-" + firstMonth + "/policyVerdict"))
                .isNull();

        // the diffs show the interview and the offer, then the signing and the placement
        DossierDiff toOffer = DossierDiff.between(screenedIn, offered);
        assertThat(toOffer.added()).extracting(Change::path).contains("interviews/" + interviewId + "/outcome",
                application + "offer/post");
        assertThat(toOffer.added()).filteredOn(c -> c.path().equals("interviews/" + interviewId + "/outcome"))
                .singleElement().satisfies(c -> assertThat(c.after()).isEqualTo(InterviewOutcome.RECOMMENDED));
        assertThat(toOffer.changed()).filteredOn(c -> c.path().equals(application + "status")).singleElement()
                .satisfies(c -> assertThat(List.of(c.before(), c.after()))
                        .containsExactly(ApplicationStatus.SCREENED_IN, ApplicationStatus.OFFER_ACCEPTED));
        assertThat(toOffer.removed()).isEmpty();
        DossierDiff toPlacement = DossierDiff.between(offered, placed);
        assertThat(toPlacement.added()).extracting(Change::path).contains(application + "contract/signedOn",
                application + "placement/startDate", "retention/" + caseId + "/startDate");
        assertThat(toPlacement.changed()).extracting(Change::path).contains(application + "status",
                "openings/" + openingId + "/seatsTaken");
        assertThat(toPlacement.added()).noneMatch(c -> c.path().startsWith("interviews/"));

        // and now, the allowance met the policy in force at signing
        CandidateDossier now = asOf(li, Instant.now());
        assertThat(now.value("retention/" + caseId + "/allowances/LIVING-" + firstMonth + "/policyVerdict"))
                .isEqualTo(PolicyVerdict.MET);
        assertThat(now.sections()).extracting(DossierSection::key).containsExactly("profile", "drives/" + driveId,
                "applications/" + applicationId, "openings/" + openingId, "interviews/" + interviewId,
                "retention/" + caseId);
    }

    @Test
    void opening_and_exporting_a_candidates_data_leaves_a_trail_for_auditors() {
        JourneySteps steps = new JourneySteps(commands, accounts, clock);
        Unit school = steps.schoolWithRecruiters("县第四中学");
        Graduate zhou = steps.selfRegistered("周小燕");
        UserAccount auditor = steps.account("auditor", Role.AUDITOR, "孙审计", null,
                null);
        Instant before = Instant.now();
        actAs(school.recruiter());
        commands.send(new RecordPersonalDataAccess(zhou.candidateId(), zhou.name(),
                PersonalDataCategory.CONTACT_DETAILS, "联系面试事宜"));
        actAs(auditor);
        commands.send(new RecordHistoryExport(zhou.candidateId(), zhou.name(), ExportFormat.PDF, before, "chain-head",
                "年度审计"));

        List<AccessTrailEntry> trail = eventually(() -> queries.query(new FindPersonalDataAccess(zhou.candidateId(),
                        before, null), ResponseTypes.multipleInstancesOf(AccessTrailEntry.class)).join(),
                entries -> entries.size() == 2, "the access trail");
        assertThat(trail.get(0)).satisfies(entry -> {
            assertThat(entry.actorId()).isEqualTo(school.recruiter().userId());
            assertThat(entry.actorRole()).isEqualTo("RECRUITER");
            assertThat(entry.what()).isEqualTo(PersonalDataCategory.CONTACT_DETAILS);
            assertThat(entry.reason()).isEqualTo("联系面试事宜");
        });
        assertThat(trail.get(1)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(AccessTrailEntry.Kind.EXPORT);
            assertThat(entry.actorName()).isEqualTo("孙审计");
            assertThat(entry.format()).isEqualTo(ExportFormat.PDF);
            assertThat(entry.asOf()).isEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
        });
    }

    /** The dossier as of right now, a few milliseconds clear of the events before and after it. */
    private CandidateDossier captureNow(Graduate graduate) throws InterruptedException {
        Thread.sleep(5);
        CandidateDossier dossier = asOf(graduate, Instant.now());
        Thread.sleep(5);
        return dossier;
    }

    private CandidateDossier asOf(Graduate graduate, Instant instant) {
        // as the auditors' replay reads it, whoever the journey is acting as at the moment
        return asSystem(() -> queries.query(new FindCandidateAsOf(graduate.candidateId(), instant),
                CandidateDossier.class).join());
    }
}
