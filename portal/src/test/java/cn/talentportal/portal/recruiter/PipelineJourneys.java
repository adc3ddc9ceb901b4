package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfOpening;
import cn.talentportal.projections.application.ApplicationView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;

/**
 * The pipeline's test data made as the portal's users make it, each step by the user who would take it: a school
 * with a recruiter, an opening, graduates who apply, and (by commands: the interview screens are another feature's)
 * interviews held and recommended. Names carry a unique suffix: all tests share one portal. Holding an interview
 * moves the shared test clock past it: tests that do reset it.
 */
final class PipelineJourneys {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final List<Criterion> RUBRIC = List.of(new Criterion("subject", "学科知识", 6, 10),
            new Criterion("fit", "扎根基层意愿", 4, 10));

    private final Commands commands;
    private final UserAccounts accounts;
    private final QueryGateway queries;
    private final TestClock clock;

    PipelineJourneys(Commands commands, UserAccounts accounts, QueryGateway queries, TestClock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.queries = queries;
        this.clock = clock;
    }

    record School(String unitId, String name, UserAccount recruiter, UserAccount panelist, String rubricId) {
    }

    record Applicant(String candidateId, String name, UserAccount account, String applicationId) {
    }

    static String unique(String text) {
        return text + UUID.randomUUID().toString().substring(0, 6);
    }

    /** An administrator creates the school, assigns a recruiter and a panelist, and defines a rubric. */
    School school(String name) {
        UserAccount admin = account("admin", Role.ADMIN, "管理员", null, null);
        PortalTestBase.actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, name, EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account("recruiter", Role.RECRUITER, "周校长", unitId, null);
        UserAccount panelist = account("panel", Role.RECRUITER, "吴主任", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        commands.send(new AssignRecruiter(unitId, panelist.userId(), panelist.displayName()));
        String rubricId = UUID.randomUUID().toString();
        commands.send(new DefineRubric(rubricId, "教师岗位面试评分表", RUBRIC));
        return new School(unitId, name, recruiter, panelist, rubricId);
    }

    String publishOpening(School school, String title, int headcount) {
        PortalTestBase.actAs(school.recruiter());
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, school.unitId(), school.name(), new OpeningDetails(title,
                "承担初中课程教学，参与教研活动", Sector.EDUCATION, "城关镇", Education.BACHELOR, "汉语言文学", 5000, 6500,
                headcount, Set.of(TalentCategory.GRADUATE), LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));
        return openingId;
    }

    /** A graduate registers and applies. */
    Applicant applies(String name, String openingId) {
        PortalTestBase.actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(candidateId, name,
                new PhoneNumber("137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000)),
                new EmailAddress("p" + UUID.randomUUID().toString().substring(0, 12) + "@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2026, "城关镇", "重庆", "普通话二甲"),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        UserAccount account = account("grad", Role.CANDIDATE, name, null, candidateId);
        PortalTestBase.actAs(account);
        String applicationId = UUID.randomUUID().toString();
        commands.send(new ApplyToOpening(candidateId, applicationId, openingId));
        return new Applicant(candidateId, name, account, applicationId);
    }

    void screenIn(School school, Applicant applicant) {
        PortalTestBase.actAs(school.recruiter());
        commands.send(new ScreenApplication(applicant.candidateId(), applicant.applicationId(), ScreeningDecision.IN,
                "专业对口"));
    }

    void withdraws(Applicant applicant) {
        PortalTestBase.actAs(applicant.account());
        commands.send(new WithdrawApplication(applicant.candidateId(), applicant.applicationId(), "已在外地就业"));
    }

    /** Screened in, interviewed, scored and recommended (the clock moves past the interview). */
    String recommended(School school, Applicant applicant) {
        screenIn(school, applicant);
        return interviewRecommends(school, applicant);
    }

    /**
     * The screened-in applicant is interviewed in a few minutes by the recruiter and the panelist, scored and
     * recommended: the clock moves past the interview (the caller resets it). The interview's id.
     */
    String interviewRecommends(School school, Applicant applicant) {
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        InterviewSlot slot = new InterviewSlot(start, start.plus(Duration.ofMinutes(45)));
        String interviewId = schedule(school, applicant, slot);
        clock.advance(Duration.between(clock.instant(), slot.end()).plusMinutes(1));
        commands.send(new RecordInterviewHeld(interviewId, slot.start(), slot.end()));
        for (UserAccount member : List.of(school.recruiter(), school.panelist())) {
            PortalTestBase.actAs(member);
            commands.send(new SubmitScorecard(interviewId, member.userId(), Map.of("subject", 9, "fit", 9), "优秀"));
        }
        PortalTestBase.actAs(school.recruiter());
        commands.send(new DecideInterviewOutcome(interviewId, InterviewOutcome.RECOMMENDED, "评委一致推荐"));
        return interviewId;
    }

    /** Recommended and offered; the candidate has a week to answer. */
    void offered(School school, Applicant applicant) {
        String interviewId = recommended(school, applicant);
        LocalDate today = LocalDate.now(clock);
        commands.send(new ExtendOffer(applicant.candidateId(), applicant.applicationId(), interviewId,
                new OfferTerms("语文教师", 5800, today.plusDays(30), today.plusDays(7))));
    }

    /**
     * Screened in and to be interviewed in a few minutes by the recruiter's panel, today in office time (near
     * midnight the clock first moves to the next morning).
     */
    void interviewedToday(School school, Applicant applicant) {
        screenIn(school, applicant);
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        if (!LocalDate.ofInstant(start.plus(Duration.ofHours(1)), PortalFormats.OFFICE_ZONE)
                .equals(LocalDate.ofInstant(clock.instant(), PortalFormats.OFFICE_ZONE))) {
            clock.advance(Duration.ofHours(2));
            start = clock.instant().plus(Duration.ofMinutes(5));
        }
        schedule(school, applicant, new InterviewSlot(start, start.plus(Duration.ofMinutes(45))));
    }

    private String schedule(School school, Applicant applicant, InterviewSlot slot) {
        PortalTestBase.actAs(school.recruiter());
        String interviewId = UUID.randomUUID().toString();
        commands.send(new ScheduleInterview(interviewId, applicant.applicationId(), applicant.candidateId(), List.of(
                new PanelMember(school.recruiter().userId(), school.recruiter().displayName()),
                new PanelMember(school.panelist().userId(), school.panelist().displayName())), slot,
                school.rubricId()));
        return interviewId;
    }

    /** The application as recruiters see it, once the read model has it. */
    Optional<ApplicationView> application(String openingId, String applicationId) {
        return PortalTestBase.asSystem(() -> queries.query(new FindApplicationsOfOpening(openingId, 0, 1000),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join()).stream()
                .filter(a -> a.applicationId().equals(applicationId)).findFirst();
    }

    /** Waits until the read model shows the application as {@code done} says. */
    ApplicationView awaitApplication(String openingId, String applicationId,
                                     Predicate<ApplicationView> done, String what) {
        return eventually(() -> application(openingId, applicationId).orElse(null), a -> a != null && done.test(a),
                what);
    }

    private UserAccount account(String prefix, Role role, String name, String unitId, String candidateId) {
        return PortalTestBase.account(accounts, prefix, role, name, unitId, candidateId);
    }
}
