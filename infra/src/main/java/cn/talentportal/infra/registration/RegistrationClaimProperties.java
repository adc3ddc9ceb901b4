package cn.talentportal.infra.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code talent.registration.*}: the registration claims.
 *
 * @param claimSecret key of the HMAC that turns an ID number, phone or email into a claim id; empty = a key
 *                    generated on the first start and kept in the database's {@code settings} collection. Set it
 *                    (from a secret store) before the first start in production, so a copy of the database alone
 *                    cannot be used to test guesses; it cannot be changed once claims exist.
 * @param orphanAfter a claim whose candidate still has no events this long after claiming is a registration that
 *                    failed mid-way (crash) and may be taken over (default 2 min, well above a registration's time)
 */
@ConfigurationProperties(prefix = "talent.registration")
public record RegistrationClaimProperties(String claimSecret, Duration orphanAfter) {

    public RegistrationClaimProperties {
        claimSecret = claimSecret == null ? "" : claimSecret.trim();
        orphanAfter = orphanAfter == null ? Duration.ofMinutes(2) : orphanAfter;
        if (orphanAfter.isNegative()) {
            throw new IllegalArgumentException("talent.registration.orphan-after must not be negative");
        }
    }

    @Override
    public String toString() {
        return "RegistrationClaimProperties[claimSecret=" + (claimSecret.isEmpty() ? "(generated)" : "***")
                + ", orphanAfter=" + orphanAfter + "]";
    }
}
