package cn.talentportal.portal.security;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveKind;
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
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.shared.Commands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cn.talentportal.portal.Eventually.eventually;

/**
 * Two complete worlds side by side, each made through real commands by the users who would send them: an employer
 * unit with its recruiter, an opening, a graduate who applied to it and was invited to an interview, a drive, and a
 * retention case with its specialist. Whatever one side owns, the other side's users must not touch.
 */
final class AuthorizationWorld {

    record Side(String unitId, UserAccount admin, UserAccount recruiter, UserAccount candidate,
                UserAccount specialist, UserAccount auditor, String openingId, String applicationId,
                String interviewId, String driveId, String caseId) {

        UserAccount accountOf(Role role) {
            return switch (role) {
                case CANDIDATE -> candidate;
                case RECRUITER -> recruiter;
                case SPECIALIST -> specialist;
                case AUDITOR -> auditor;
                case ADMIN -> admin;
            };
        }

        String candidateId() {
            return candidate.candidateId();
        }
    }

    private final Commands commands;
    private final UserAccounts accounts;
    private final Clock clock;
    private final Ownership ownership;

    AuthorizationWorld(Commands commands, UserAccounts accounts, Clock clock, Ownership ownership) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
        this.ownership = ownership;
    }

    Side side(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UserAccount admin = account("authz_admin", Role.ADMIN, "管理员", null, null);
        UserAccount auditor = account("authz_auditor", Role.AUDITOR, "审计员", null, null);
        PortalTestBase.actAs(admin);
        String unitId = UUID.randomUUID().toString();
        String unitName = name + suffix;
        commands.send(new CreateEmployerUnit(unitId, unitName, EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account("authz_recruiter", Role.RECRUITER, "招聘专员", unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        String rubricId = UUID.randomUUID().toString();
        commands.send(new DefineRubric(rubricId, "面试评分表" + suffix, List.of(new Criterion("fit", "岗位匹配", 1, 10))));

        PortalTestBase.actAs(recruiter);
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, unitId, unitName, new OpeningDetails("语文教师" + suffix,
                "承担初中语文教学", Sector.EDUCATION, "城关镇", Education.BACHELOR, "汉语言文学", 5000, 6500, 2,
                Set.of(TalentCategory.GRADUATE), LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));
        String driveId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        commands.send(new PlanDrive(driveId, DriveKind.ONLINE_JOB_FAIR, "网络招聘会" + suffix, null, "线上",
                now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(3).plusHours(3)), unitName));

        PortalTestBase.actAsNobody();
        String candidateId = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(candidateId, "应届生" + suffix, phone(), email(), null,
                new CandidateProfile(Education.BACHELOR, "西南大学", "汉语言文学", 2026, "城关镇", "重庆", null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", ConsentPurpose.DATA_USE)));
        UserAccount candidate = account("authz_grad", Role.CANDIDATE, "应届生" + suffix, null, candidateId);

        PortalTestBase.actAs(candidate);
        String applicationId = UUID.randomUUID().toString();
        commands.send(new ApplyToOpening(candidateId, applicationId, openingId));

        PortalTestBase.actAs(recruiter);
        commands.send(new ScreenApplication(candidateId, applicationId, ScreeningDecision.IN, "专业对口"));
        String interviewId = UUID.randomUUID().toString();
        Instant start = now.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        commands.send(new ScheduleInterview(interviewId, applicationId, candidateId,
                List.of(new PanelMember(recruiter.userId(), recruiter.displayName())),
                new InterviewSlot(start, start.plus(Duration.ofMinutes(45))), rubricId));

        // placement opens the case in a process; here the portal opens it directly, as that process would
        PortalTestBase.actAsNobody();
        String caseId = UUID.randomUUID().toString();
        commands.send(new OpenRetentionCase(caseId, candidateId, "应届生" + suffix, unitId, unitName, "语文教师",
                Sector.EDUCATION, "城关镇", LocalDate.now(clock).plusDays(30), LocalDate.now(clock)));
        UserAccount specialist = account("authz_specialist", Role.SPECIALIST, "服务专员", null, null);
        eventually(() -> ownership.caseUnassigned(caseId), found -> found, "the new case in the caseload");
        PortalTestBase.actAs(specialist);
        commands.send(new AssignServiceSpecialist(caseId, specialist.userId(), specialist.displayName()));

        eventually(() -> ownership.specialistOfCase(specialist.userId(), caseId)
                && ownership.unitOwnsInterview(unitId, interviewId) && ownership.unitOwnsDrive(unitId, driveId)
                && ownership.candidateOfInterview(candidateId, interviewId), ready -> ready, "the read models");
        PortalTestBase.actAsNobody();
        return new Side(unitId, admin, recruiter, candidate, specialist, auditor, openingId, applicationId,
                interviewId, driveId, caseId);
    }

    private UserAccount account(String prefix, Role role, String name, String unitId, String candidateId) {
        return PortalTestBase.account(accounts, prefix, role, name, unitId, candidateId);
    }

    private static PhoneNumber phone() {
        return new PhoneNumber("137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private static EmailAddress email() {
        return new EmailAddress("authz" + UUID.randomUUID().toString().substring(0, 10) + "@example.cn");
    }
}
