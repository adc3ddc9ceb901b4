package cn.talentportal.projections.candidate;

/** Queries about candidates: the directory (read model) and the history (the event store itself). */
public final class CandidateQueries {

    private CandidateQueries() {
    }

    /** Blank text lists the most recent registrations. */
    public record FindCandidates(String text, int limit) {
    }

    public record FindCandidateHistory(String candidateId) {
    }
}
