package cn.talentportal.portal.retention;

import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.journey.ExtendedOffers;
import cn.talentportal.portal.journey.ExtendedOffers.Offered;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import static cn.talentportal.portal.Eventually.eventually;

/**
 * Placed talents made the way the journey makes them: offered after an interview (see {@link ExtendedOffers}),
 * accepted, signed and placed, which opens the retention case. Moves the test clock; the caller resets it.
 */
final class PlacedTalents {

    private final Commands commands;
    private final UserAccounts accounts;
    private final TestClock clock;
    private final QueryGateway queries;

    PlacedTalents(Commands commands, UserAccounts accounts, TestClock clock, QueryGateway queries) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
        this.queries = queries;
    }

    record Placed(String candidateId, String name, UserAccount candidate, String caseId, UserAccount recruiter) {
    }

    Offered offered(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return new ExtendedOffers(commands, accounts, clock)
                .offer("县第三中学" + suffix, name, "初中数学教师" + suffix, "初二数学教师", 6000, 30, 7);
    }

    /** Offered, accepted, signed and placed to start in 30 days; returns once the case is in the read model. */
    Placed placed(String name) {
        Offered offer = offered(name);
        PortalTestBase.actAs(offer.candidate());
        commands.send(new AcceptOffer(offer.candidateId(), offer.applicationId()));
        PortalTestBase.actAs(offer.recruiter());
        commands.send(new SignContract(offer.candidateId(), offer.applicationId(), 3));
        commands.send(new PlaceCandidate(offer.candidateId(), offer.applicationId(), "初二数学教师",
                LocalDate.now(clock).plusDays(30)));
        PortalTestBase.actAsNobody();
        String caseId = PlacementCommandHandler.retentionCaseIdOf(offer.applicationId());
        eventually(() -> retentionCase(caseId), Optional::isPresent, "the retention case of " + name);
        return new Placed(offer.candidateId(), name, offer.candidate(), caseId, offer.recruiter());
    }

    UserAccount specialist(String name) {
        return PortalTestBase.account(accounts, "specialist", Role.SPECIALIST, name, null, null);
    }

    /** The office assigns the case, as an administrator would; returns once the caseload shows it. */
    void assign(Placed talent, UserAccount specialist) {
        PortalTestBase.actAs(admin());
        commands.send(new AssignServiceSpecialist(talent.caseId(), specialist.userId(), specialist.displayName()));
        PortalTestBase.actAsNobody();
        eventually(() -> retentionCase(talent.caseId()),
                found -> found.map(c -> specialist.userId().equals(c.specialistUserId())).orElse(false),
                "the case assigned to " + specialist.displayName());
    }

    /** A policy in force since a year ago, so it covers every signing in the tests. */
    String policy(String name, Map<AllowanceType, Integer> caps) {
        PortalTestBase.actAs(admin());
        String policyId = UUID.randomUUID().toString();
        commands.send(new PublishAllowancePolicy(policyId, name, LocalDate.now(clock).minusYears(1), caps));
        PortalTestBase.actAsNobody();
        return policyId;
    }

    Optional<CaseloadEntry> retentionCase(String caseId) {
        return queries.query(new FindRetentionCase(caseId), ResponseTypes.optionalInstanceOf(CaseloadEntry.class))
                .join();
    }

    private UserAccount admin() {
        return PortalTestBase.account(accounts, "office", Role.ADMIN, "人才办管理员", null, null);
    }
}
