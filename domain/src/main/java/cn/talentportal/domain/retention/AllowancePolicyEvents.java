package cn.talentportal.domain.retention;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** The versions of an allowance policy, each with the caps it sets. */
public final class AllowancePolicyEvents {

    private AllowancePolicyEvents() {
    }

    @Revision("1")
    public record AllowancePolicyPublished(String policyId, String name, int version, LocalDate effectiveFrom,
                                           Map<AllowanceType, Integer> monthlyCaps) {
    }

    @Revision("1")
    public record AllowancePolicyRevised(String policyId, String name, int version, LocalDate effectiveFrom,
                                         Map<AllowanceType, Integer> monthlyCaps, String reason) {
    }
}
