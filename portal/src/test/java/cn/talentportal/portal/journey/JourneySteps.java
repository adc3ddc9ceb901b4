package cn.talentportal.portal.journey;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
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
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;

/**
 * The steps of a candidate's journey as the portal's users take them, each as the user who would: the journey
 * and the headcount tests read as the business, not as command plumbing.
 */
final class JourneySteps {

    static final List<Criterion> TEACHING_RUBRIC = List.of(
            new Criterion("subject", "学科知识", 4, 10),
            new Criterion("teaching", "试讲表现", 4, 10),
            new Criterion("fit", "扎根基层意愿", 2, 10));
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private final Commands commands;
    private final UserAccounts accounts;
    private final Clock clock;

    JourneySteps(Commands commands, UserAccounts accounts, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Unit(String unitId, String name, UserAccount admin, UserAccount recruiter, UserAccount panelist) {
    }

    /** An administrator creates a school and assigns two recruiters (one also sits on interview panels). */
    Unit schoolWithRecruiters(String name) {
        UserAccount admin = account("admin", Role.ADMIN, "管理员", null, null);
        PortalTestBase.actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, name, EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account("recruiter", Role.RECRUITER, "周校长", unitId, null);
        UserAccount panelist = account("panel", Role.RECRUITER, "吴教导主任", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        commands.send(new AssignRecruiter(unitId, panelist.userId(), panelist.displayName()));
        return new Unit(unitId, name, admin, recruiter, panelist);
    }

    String defineRubric(UserAccount admin) {
        PortalTestBase.actAs(admin);
        String rubricId = UUID.randomUUID().toString();
        commands.send(new DefineRubric(rubricId, "教师岗位面试评分表", TEACHING_RUBRIC));
        return rubricId;
    }

    String publishOpening(Unit unit, String title, int headcount) {
        PortalTestBase.actAs(unit.recruiter());
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, unit.unitId(), unit.name(), new OpeningDetails(title,
                "承担初中课程教学，参与教研活动", Sector.EDUCATION, "城关镇", Education.BACHELOR, "汉语言文学", 5000, 6500,
                headcount, Set.of(TalentCategory.GRADUATE, TalentCategory.URGENTLY_NEEDED),
                LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));
        return openingId;
    }

    record Graduate(String candidateId, String name, UserAccount account) {
    }

    Graduate selfRegistered(String name) {
        PortalTestBase.actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(candidateId, name, uniquePhone(), uniqueEmail(), null, profile(),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        return new Graduate(candidateId, name, account("grad", Role.CANDIDATE, name, null, candidateId));
    }

    String apply(Graduate graduate, String openingId) {
        PortalTestBase.actAs(graduate.account());
        String applicationId = UUID.randomUUID().toString();
        commands.send(new ApplyToOpening(graduate.candidateId(), applicationId, openingId));
        return applicationId;
    }

    void screenIn(Unit unit, Graduate graduate, String applicationId) {
        PortalTestBase.actAs(unit.recruiter());
        commands.send(new ScreenApplication(graduate.candidateId(), applicationId, ScreeningDecision.IN,
                "专业对口，师范背景"));
    }

    String scheduleInterview(Unit unit, Graduate graduate, String applicationId, String rubricId, InterviewSlot slot) {
        PortalTestBase.actAs(unit.recruiter());
        String interviewId = UUID.randomUUID().toString();
        commands.send(new ScheduleInterview(interviewId, applicationId, graduate.candidateId(), List.of(
                new PanelMember(unit.recruiter().userId(), unit.recruiter().displayName()),
                new PanelMember(unit.panelist().userId(), unit.panelist().displayName())), slot, rubricId));
        return interviewId;
    }

    /** The panel holds the interview, each member scores it, and the recruiter records the recommendation. */
    void holdAndRecommend(Unit unit, String interviewId, InterviewSlot slot) {
        PortalTestBase.actAs(unit.recruiter());
        commands.send(new RecordInterviewHeld(interviewId, slot.start(), slot.end()));
        for (UserAccount member : List.of(unit.recruiter(), unit.panelist())) {
            PortalTestBase.actAs(member);
            commands.send(new SubmitScorecard(interviewId, member.userId(),
                    Map.of("subject", 8, "teaching", 9, "fit", 10), "表达清晰"));
        }
        PortalTestBase.actAs(unit.recruiter());
        commands.send(new DecideInterviewOutcome(interviewId, InterviewOutcome.RECOMMENDED, "两位评委一致推荐"));
    }

    void offerAccepted(Unit unit, Graduate graduate, String applicationId, String interviewId) {
        offerExtended(unit, graduate, applicationId, interviewId);
        PortalTestBase.actAs(graduate.account());
        commands.send(new AcceptOffer(graduate.candidateId(), applicationId));
    }

    void offerExtended(Unit unit, Graduate graduate, String applicationId, String interviewId) {
        PortalTestBase.actAs(unit.recruiter());
        LocalDate today = LocalDate.now(clock);
        commands.send(new ExtendOffer(graduate.candidateId(), applicationId, interviewId,
                new OfferTerms("初中语文教师", 5800, today.plusDays(30), today.plusDays(7))));
    }

    UserAccount account(String prefix, Role role, String name, String unitId, String candidateId) {
        return PortalTestBase.account(accounts, prefix, role, name, unitId, candidateId);
    }

    static CandidateProfile profile() {
        return new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2026, "城关镇", "重庆", "普通话二甲");
    }

    static PhoneNumber uniquePhone() {
        return new PhoneNumber("139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000));
    }

    static EmailAddress uniqueEmail() {
        return new EmailAddress("g" + UUID.randomUUID().toString().substring(0, 12) + "@example.cn");
    }
}
