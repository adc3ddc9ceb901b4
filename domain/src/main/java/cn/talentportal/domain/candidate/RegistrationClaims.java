package cn.talentportal.domain.candidate;

import java.util.Collection;
import java.util.Optional;

/**
 * Set-based uniqueness of registrations, which no single aggregate can check: an ID number, a phone number or an
 * email address belongs to one candidate. Implemented in {@code infra} on a MongoDB collection with unique ids;
 * claims of a unit of work that rolls back are released.
 */
public interface RegistrationClaims {

    /**
     * Claims every key for the candidate, or none of them.
     *
     * @return empty when all keys were claimed; otherwise the first key already held by another candidate and the
     *         channel through which that candidate registered (never their data)
     */
    Optional<ExistingRegistration> claim(String candidateId, CandidateSource source, Collection<RegistrationKey> keys);

    /** The candidate who holds this key, if any: how an auditor finds a person by ID number or phone. */
    Optional<String> holderOf(RegistrationKey key);

    /** Frees every key of this candidate: after an erasure the keyed hashes point to nobody, and may be used again. */
    void releaseAll(String candidateId);

    /** What makes a registration unique; {@code value} is normalised (ID number upper-case, email lower-case). */
    record RegistrationKey(Kind kind, String value) {

        public enum Kind {
            ID_NUMBER, PHONE, EMAIL
        }
    }

    /** The key already taken and how its holder came to the office. */
    record ExistingRegistration(RegistrationKey.Kind kind, CandidateSource source) {
    }
}
