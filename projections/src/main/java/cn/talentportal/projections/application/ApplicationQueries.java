package cn.talentportal.projections.application;

/** Queries answered by {@link ApplicationJourneyQueries}. */
public final class ApplicationQueries {

    private ApplicationQueries() {
    }

    public record FindApplicationsForEmployer(String employerUnitId) {
    }

    /** The candidate's own list: stages and interview slots, no recruiter detail. */
    public record FindApplicationsOfCandidate(String candidateId) {
    }

    public record FindOpeningPipeline(String openingId) {
    }

    /** One application by its id, with the recruiters' detail; answered with an {@code Optional}. */
    public record FindApplication(String applicationId) {
    }

    /** One page of an opening's applications, newest first, with the recruiters' detail. */
    public record FindApplicationsOfOpening(String openingId, int offset, int limit) {
    }

    /**
     * The update of the subscription queries on an opening's pipeline ({@link FindOpeningPipeline}) and a candidate's
     * own list ({@link FindApplicationsOfCandidate}): this application changed, read it again. A signal rather than
     * the new state, because the state joins the interviews read model at query time.
     */
    public record ApplicationChanged(String applicationId, String candidateId, String openingId) {
    }
}
