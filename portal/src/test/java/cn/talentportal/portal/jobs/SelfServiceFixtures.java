package cn.talentportal.portal.jobs;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;

/**
 * Test data for the candidate's self-service views, made through real commands by the users who would send them:
 * an administrator creates a hospital, its recruiter publishes openings, a graduate registers and applies.
 */
public final class SelfServiceFixtures {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 10_000_000));

    public record Employer(String unitId, String name, UserAccount recruiter) {
    }

    public record Candidate(String candidateId, String name, UserAccount account) {
    }

    private final Commands commands;
    private final UserAccounts accounts;
    private final Clock clock;

    public SelfServiceFixtures(Commands commands, UserAccounts accounts, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Employer hospital(String name) {
        String unitId = UUID.randomUUID().toString();
        UserAccount recruiter = PortalTestBase.account(accounts, "hr", Role.RECRUITER, "刘主任", unitId, null);
        as(PortalTestBase.account(accounts, "admin", Role.ADMIN, "管理员", null, null), () -> {
            commands.send(new CreateEmployerUnit(unitId, name, EmployerType.HOSPITAL, "青山镇", Sector.HEALTH));
            commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        });
        return new Employer(unitId, name, recruiter);
    }

    /** A nurse's post, drafted only: not yet public. */
    public String draftOpening(Employer employer, String title) {
        String openingId = UUID.randomUUID().toString();
        as(employer.recruiter(), () -> commands.send(new DraftOpening(openingId, employer.unitId(), employer.name(),
                new OpeningDetails(title, "负责住院部护理工作，参与夜班轮值", Sector.HEALTH, "青山镇",
                        Education.JUNIOR_COLLEGE, "护理学", 4500, 6500, 3,
                        Set.of(TalentCategory.URGENTLY_NEEDED, TalentCategory.RETURNEE_FRIENDLY),
                        LocalDate.now(clock).plusMonths(2)))));
        return openingId;
    }

    public String publishedOpening(Employer employer, String title) {
        String openingId = draftOpening(employer, title);
        as(employer.recruiter(), () -> commands.send(new PublishOpening(openingId)));
        return openingId;
    }

    /** A graduate who registered themself, with an account to sign in with. */
    public Candidate candidate(String name) {
        String candidateId = UUID.randomUUID().toString();
        String digits = String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
        as(null, () -> commands.send(new RegisterCandidate(candidateId, name, new PhoneNumber("137" + digits),
                new EmailAddress("self" + digits + "@example.cn"), null,
                new CandidateProfile(Education.JUNIOR_COLLEGE, "县卫生学校", "护理学", 2025, "青山镇", null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))));
        UserAccount account = PortalTestBase.account(accounts, "grad", Role.CANDIDATE, name, null, candidateId);
        return new Candidate(candidateId, name, account);
    }

    public String apply(Candidate candidate, String openingId) {
        String applicationId = UUID.randomUUID().toString();
        as(candidate.account(), () -> commands.send(new ApplyToOpening(candidate.candidateId(), applicationId,
                openingId)));
        return applicationId;
    }

    public void screenIn(Employer employer, Candidate candidate, String applicationId) {
        as(employer.recruiter(), () -> commands.send(new ScreenApplication(candidate.candidateId(), applicationId,
                ScreeningDecision.IN, "专业对口")));
    }

    /** Sends as this user (null: nobody signed in), then gives the thread back to whoever was signed in. */
    public static void as(UserAccount account, Runnable sending) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        if (account == null) {
            PortalTestBase.actAsNobody();
        } else {
            PortalTestBase.actAs(account);
        }
        try {
            sending.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }
}
