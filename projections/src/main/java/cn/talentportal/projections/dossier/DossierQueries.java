package cn.talentportal.projections.dossier;

import java.time.Instant;

/** Queries of the auditor's as-of replay (issue 5), answered from the event store itself. */
public final class DossierQueries {

    private DossierQueries() {
    }

    /**
     * The candidate's whole state as it stood at {@code asOf}, rebuilt from the stored events with a timestamp at or
     * before it (the candidate's own and those of the openings, interviews, drives, retention cases, allowance
     * policies and register entry that concern them). Answered with a {@link CandidateDossier}, empty (no sections)
     * when the candidate was not registered yet.
     */
    public record FindCandidateAsOf(String candidateId, Instant asOf) {
    }
}
