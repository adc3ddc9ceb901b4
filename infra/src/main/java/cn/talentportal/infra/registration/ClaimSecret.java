package cn.talentportal.infra.registration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the HMAC secret of the registration claims: the configured one, or one generated on the first start and
 * kept in {@code settings}. The document {@code settings/registration-claims} records the secret's fingerprint, so a
 * secret changed while claims exist (every existing claim would silently stop matching, letting duplicates in) stops
 * the start instead.
 */
final class ClaimSecret {

    static final String SETTINGS = "settings";
    static final String SETTING_ID = "registration-claims";
    private static final String ID = "_id";
    private static final String GENERATED_SECRET = "generatedSecret";
    private static final String FINGERPRINT = "fingerprint";
    private static final int GENERATED_BYTES = 32;

    private ClaimSecret() {
    }

    /**
     * @param configured  {@code talent.registration.claim-secret}, empty for a generated one
     * @param claimsExist whether claims were made with the secret in use before
     * @throws IllegalStateException when the secret differs from the one existing claims were made with
     */
    static ClaimKeyHasher resolve(MongoCollection<Document> settings, String configured, boolean claimsExist) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Document recorded = settings.find(Filters.eq(ID, SETTING_ID)).first();
            String stored = recorded == null ? null : recorded.getString(GENERATED_SECRET);
            byte[] secret = !configured.isEmpty() ? configured.getBytes(StandardCharsets.UTF_8)
                    : stored != null ? Base64.getDecoder().decode(stored)
                    : generate();
            ClaimKeyHasher hasher = new ClaimKeyHasher(secret);
            if (recorded != null && hasher.fingerprint().equals(recorded.getString(FINGERPRINT))) {
                return hasher;
            }
            if (recorded != null && claimsExist) {
                throw new IllegalStateException("talent.registration.claim-secret "
                        + (configured.isEmpty() ? "is no longer set, but" : "differs from the secret")
                        + " the existing registration claims were made with"
                        + (configured.isEmpty() ? " one" : "")
                        + ": they would stop matching and let duplicate registrations pass. Restore that secret.");
            }
            Document setting = new Document(ID, SETTING_ID).append(FINGERPRINT, hasher.fingerprint());
            if (configured.isEmpty()) {
                setting.append(GENERATED_SECRET, Base64.getEncoder().encodeToString(secret));
            }
            boolean written = recorded == null
                    ? insert(settings, setting)
                    : settings.replaceOne(Filters.and(Filters.eq(ID, SETTING_ID),
                            Filters.eq(FINGERPRINT, recorded.getString(FINGERPRINT))), setting).getMatchedCount() == 1;
            if (written) {
                return hasher;
            }
            // Another node recorded a secret at the same moment: read again and use that one.
        }
        throw new IllegalStateException("Could not record the registration claim secret in '" + SETTINGS + "'");
    }

    private static byte[] generate() {
        byte[] secret = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static boolean insert(MongoCollection<Document> settings, Document setting) {
        try {
            settings.insertOne(setting);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
