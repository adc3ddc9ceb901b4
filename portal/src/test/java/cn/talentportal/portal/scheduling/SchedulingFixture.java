package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
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
import cn.talentportal.portal.shared.PortalFormats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;

/**
 * Test data for the scheduling screens, made through real commands by the users who would (as the journey tests
 * do, see {@code journey/JourneySteps}): a school with two recruiters, a rubric, screened-in applications,
 * scheduled interviews. Names carry a random suffix: every test shares one portal and database.
 */
public final class SchedulingFixture {

    public static final List<Criterion> TEACHING_RUBRIC = List.of(
            new Criterion("subject", "学科知识", 4, 10),
            new Criterion("teaching", "试讲表现", 4, 10),
            new Criterion("fit", "扎根基层意愿", 2, 5));
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private final Commands commands;
    private final UserAccounts accounts;
    private final Clock clock;

    public SchedulingFixture(Commands commands, UserAccounts accounts, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record School(String unitId, String name, UserAccount admin, UserAccount recruiter,
                         UserAccount panelist) {

        public List<PanelMember> panel() {
            return List.of(new PanelMember(recruiter.userId(), recruiter.displayName()),
                    new PanelMember(panelist.userId(), panelist.displayName()));
        }
    }

    public record Graduate(String candidateId, String name, UserAccount account) {
    }

    public record Application(String applicationId, Graduate graduate, String openingTitle) {
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** An administrator creates a school and assigns two recruiters, who both sit on its panels. */
    public School school(String name) {
        UserAccount admin = account("admin", Role.ADMIN, "管理员", null, null);
        PortalTestBase.actAs(admin);
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, name, EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account("recruiter", Role.RECRUITER, "周校长" + suffix(), unitId, null);
        UserAccount panelist = account("panel", Role.RECRUITER, "吴主任" + suffix(), unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        commands.send(new AssignRecruiter(unitId, panelist.userId(), panelist.displayName()));
        return new School(unitId, name, admin, recruiter, panelist);
    }

    public String rubric(School school) {
        PortalTestBase.actAs(school.admin());
        String rubricId = UUID.randomUUID().toString();
        commands.send(new DefineRubric(rubricId, "教师面试评分表" + suffix(), TEACHING_RUBRIC));
        return rubricId;
    }

    public Graduate graduate(String name) {
        PortalTestBase.actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(candidateId, name, new PhoneNumber("137" + String.format("%08d",
                PHONES.incrementAndGet() % 100_000_000)), new EmailAddress("s" + suffix() + suffix() + "@example.cn"),
                null, new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2026, "城关镇", "重庆", "普通话二甲"),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        return new Graduate(candidateId, name, account("grad", Role.CANDIDATE, name, null, candidateId));
    }

    /** The school publishes an opening, the graduate applies and the school screens the application in. */
    public Application screenedIn(School school, Graduate graduate, String openingTitle) {
        PortalTestBase.actAs(school.recruiter());
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, school.unitId(), school.name(), new OpeningDetails(openingTitle,
                "承担初中课程教学，参与教研活动", Sector.EDUCATION, "城关镇", Education.BACHELOR, "汉语言文学", 5000, 6500,
                1, Set.of(TalentCategory.GRADUATE), LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));
        PortalTestBase.actAs(graduate.account());
        String applicationId = UUID.randomUUID().toString();
        commands.send(new ApplyToOpening(graduate.candidateId(), applicationId, openingId));
        PortalTestBase.actAs(school.recruiter());
        commands.send(new ScreenApplication(graduate.candidateId(), applicationId, ScreeningDecision.IN,
                "专业对口，师范背景"));
        return new Application(applicationId, graduate, openingTitle);
    }

    /** Both recruiters on the panel. */
    public String schedule(School school, Application application, String rubricId, InterviewSlot slot) {
        return schedule(school, application, rubricId, slot, school.panel());
    }

    public String schedule(School school, Application application, String rubricId, InterviewSlot slot,
                           List<PanelMember> panel) {
        PortalTestBase.actAs(school.recruiter());
        String interviewId = UUID.randomUUID().toString();
        commands.send(new ScheduleInterview(interviewId, application.applicationId(),
                application.graduate().candidateId(), panel, slot, rubricId));
        return interviewId;
    }

    /** Tomorrow (office time) at this hour, for this many minutes. */
    public InterviewSlot tomorrowAt(int hour, int minutes) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(PortalFormats.OFFICE_ZONE)).plusDays(1);
        Instant start = ZonedDateTime.of(tomorrow, LocalTime.of(hour, 0), PortalFormats.OFFICE_ZONE).toInstant();
        return new InterviewSlot(start, start.plus(Duration.ofMinutes(minutes)));
    }

    /** Starting a little from now. */
    public InterviewSlot startingIn(Duration fromNow, int minutes) {
        Instant start = clock.instant().plus(fromNow);
        return new InterviewSlot(start, start.plus(Duration.ofMinutes(minutes)));
    }

    private UserAccount account(String prefix, Role role, String name, String unitId, String candidateId) {
        return PortalTestBase.account(accounts, prefix, role, name, unitId, candidateId);
    }
}
