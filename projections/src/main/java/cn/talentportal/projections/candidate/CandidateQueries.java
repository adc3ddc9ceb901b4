package cn.talentportal.projections.candidate;

import java.util.List;

/** Queries about candidates: the directory (read model) and the history (the event store itself). */
public final class CandidateQueries {

    private CandidateQueries() {
    }

    /** Blank text lists the most recent registrations. */
    public record FindCandidates(String text, int limit) {
    }

    public record FindCandidateHistory(String candidateId) {
    }

    /** The events of the named streams, merged in the order they happened. */
    public record FindStreamsHistory(List<String> aggregateIds) {

        public FindStreamsHistory {
            aggregateIds = List.copyOf(aggregateIds);
        }
    }
}
