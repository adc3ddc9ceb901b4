package cn.talentportal.infra.privacy;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.Optional;

/**
 * The data keys, one per subject (a stream's aggregate identifier). Deleting a subject's key erases every personal
 * value ever written for it (crypto-shredding); the deletion is remembered, so no new key is made for that subject.
 */
public interface PersonalDataKeys {

    /** The key to encrypt the subject's data with, made on first use; empty once the subject is erased. */
    Optional<SecretKey> forWriting(String subjectId);

    /** The key to decrypt the subject's data with; empty when erased (or never made). */
    Optional<SecretKey> forReading(String subjectId);

    /** Deletes the subjects' keys for good (idempotent) and forgets any cached copy. */
    void erase(Collection<String> subjectIds);

    boolean isErased(String subjectId);

    /**
     * Runs {@code forget} soon after any erasure on any node, so what a node holds decrypted elsewhere (the as-of
     * replay's kept streams) goes too.
     */
    void onErasure(Runnable forget);
}
