package cn.talentportal.projections.privacy;

/** Queries of erasure requests (decision 0026). */
public final class ErasureQueries {

    private ErasureQueries() {
    }

    /** A page of erasures in {@code state}, oldest request first; answered with a list of {@link ErasureRequestView}. */
    public record FindErasureRequests(ErasureState state, int offset, int limit) {
    }

    /** How many erasures are in {@code state}; answered with a Long. */
    public record CountErasureRequests(ErasureState state) {
    }

    /** The erasure of one subject, if one was requested; answered with an optional {@link ErasureRequestView}. */
    public record FindErasureOf(String subjectId) {
    }

    /**
     * The name and registration of a candidate whose erasure an administrator files on their behalf, found by the
     * exact identifier the person gave; answered with an optional {@code CandidateSummary}. Nothing else about the
     * person: administrators read no personal data without an access reason.
     */
    public record FindErasureSubject(String candidateId) {
    }
}
