package cn.talentportal.domain.retention;

import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * An allowance involves two aggregates: the policy knows which version was in force when the talent signed and
 * caps the amount by it, the retention case records the grant with that version. Both are loaded in one unit of
 * work, so a refusal by either stores nothing.
 */
public class AllowanceCommandHandler {

    private final Repository<RetentionCase> retentionCases;
    private final Repository<AllowancePolicy> allowancePolicies;

    public AllowanceCommandHandler(Repository<RetentionCase> retentionCases,
                                   Repository<AllowancePolicy> allowancePolicies) {
        this.retentionCases = retentionCases;
        this.allowancePolicies = allowancePolicies;
    }

    @CommandHandler
    public void handle(GrantAllowance command) {
        String policyId = Require.text(command.policyId(), "retention.policy", 64);
        Require.present(command.type(), "retention.allowanceType");
        Require.present(command.from(), "retention.allowanceFrom");
        Require.present(command.until(), "retention.allowanceUntil");
        if (command.monthlyAmount() <= 0) {
            throw new DomainRuleViolation("retention.allowance.amountNotPositive");
        }
        if (command.until().isBefore(command.from())) {
            throw new DomainRuleViolation("retention.allowance.periodReversed");
        }
        Aggregate<RetentionCase> retentionCase = retentionCases.load(command.caseId());
        LocalDate signedOn = retentionCase.invoke(RetentionCase::signedOnWhileInPost);
        PolicyVersion policy = allowancePolicies.load(policyId).invoke(p -> p.versionInForceOn(signedOn));
        retentionCase.execute(c -> c.grantAllowance(command, policy));
    }
}
