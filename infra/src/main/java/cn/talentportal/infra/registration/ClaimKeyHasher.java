package cn.talentportal.infra.registration;

import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Turns a registration key into a claim id: HMAC-SHA-256 of {@code KIND:value}, Base64url. The claims collection thus
 * holds no ID number, phone or email in plaintext (personal data stays in the events), and without the secret a
 * claim id cannot be checked against guesses.
 */
final class ClaimKeyHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String FINGERPRINT_INPUT = "talentportal/registration-claims/fingerprint";

    private final SecretKeySpec key;

    ClaimKeyHasher(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("talent.registration.claim-secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String claimId(RegistrationKey registrationKey) {
        return mac(registrationKey.kind().name() + ":" + registrationKey.value());
    }

    /** Identifies the secret without revealing it, so a changed secret is noticed at startup. */
    String fingerprint() {
        return mac(FINGERPRINT_INPUT);
    }

    private String mac(String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call, cheap next to a database round trip
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
