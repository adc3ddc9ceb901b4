package cn.talentportal.projections.privacy;

import java.time.Instant;

/** Queries of the access trail, for auditors. */
public final class PrivacyQueries {

    private PrivacyQueries() {
    }

    /**
     * Who opened or exported personal data between {@code from} and {@code to} (both inclusive; null leaves that end
     * open), of one data subject or, with a null {@code subjectId}, of everyone; answered with a list of
     * {@link AccessTrailEntry}, oldest first.
     */
    public record FindPersonalDataAccess(String subjectId, Instant from, Instant to) {
    }
}
