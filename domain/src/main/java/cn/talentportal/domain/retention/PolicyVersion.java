package cn.talentportal.domain.retention;

import java.time.LocalDate;
import java.util.Map;

/** One version of an allowance policy as it was published: the caps an allowance granted under it must respect. */
public record PolicyVersion(String policyId, String name, int version, LocalDate effectiveFrom,
                            Map<AllowanceType, Integer> monthlyCaps) {

    public PolicyVersion {
        monthlyCaps = Map.copyOf(monthlyCaps);
    }
}
