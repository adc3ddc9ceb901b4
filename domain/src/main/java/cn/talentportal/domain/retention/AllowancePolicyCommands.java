package cn.talentportal.domain.retention;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to an allowance policy. Caps are monthly yuan per allowance type. */
public final class AllowancePolicyCommands {

    private AllowancePolicyCommands() {
    }

    public record PublishAllowancePolicy(@TargetAggregateIdentifier String policyId, String name,
                                         LocalDate effectiveFrom, Map<AllowanceType, Integer> monthlyCaps) {
    }

    /** A new version that takes effect after the current one; allowances granted before keep their version. */
    public record ReviseAllowancePolicy(@TargetAggregateIdentifier String policyId, LocalDate effectiveFrom,
                                        Map<AllowanceType, Integer> monthlyCaps, String reason) {
    }
}
