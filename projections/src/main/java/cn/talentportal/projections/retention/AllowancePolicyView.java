package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.AllowanceType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An allowance policy with every version, oldest first; each version is valid until the next takes effect. */
public record AllowancePolicyView(String policyId, String name, List<Version> versions) {

    /** {@code validUntil} is the day before the next version takes effect, null for the version now last. */
    public record Version(int version, LocalDate effectiveFrom, LocalDate validUntil,
                          Map<AllowanceType, Integer> monthlyCaps, String reason) {
    }

    /** The version in force on a date (the talent's signing), as the domain judges an allowance, if any. */
    public Optional<Version> versionInForceOn(LocalDate date) {
        return versions.reversed().stream().filter(v -> !v.effectiveFrom().isAfter(date)).findFirst();
    }

    public Version latest() {
        return versions.getLast();
    }
}
