package cn.talentportal.projections.application;

/** Queries answered by {@link ApplicationProjection}. */
public final class ApplicationQueries {

    private ApplicationQueries() {
    }

    public record FindApplicationsForEmployer(String employerUnitId) {
    }

    public record FindApplicationsOfCandidate(String candidateId) {
    }
}
