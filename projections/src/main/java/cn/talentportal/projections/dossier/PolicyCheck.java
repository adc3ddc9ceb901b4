package cn.talentportal.projections.dossier;

import cn.talentportal.domain.retention.AllowanceType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The policy replay of one allowance grant: what the grant recorded, and what the policy's stream says was in force
 * at the talent's signing when the grant was decided ({@code decidedAt}). The in-force fields are null when no
 * version was in force.
 */
public record PolicyCheck(String caseId, AllowanceType type, int monthlyAmount, String from, Instant decidedAt,
                          String policyId, String policyName, int recordedVersion, int recordedCap,
                          LocalDate signedOn, Integer versionInForce, LocalDate inForceSince, Integer capInForce,
                          PolicyVerdict verdict) {

    public boolean met() {
        return verdict == PolicyVerdict.MET;
    }
}
