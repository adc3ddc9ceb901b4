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
}
