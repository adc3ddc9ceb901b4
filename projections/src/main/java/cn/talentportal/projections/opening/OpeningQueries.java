package cn.talentportal.projections.opening;

/** Queries answered by {@link OpeningProjection}. */
public final class OpeningQueries {

    private OpeningQueries() {
    }

    public record FindOpening(String openingId) {
    }

    public record FindOpeningsOfEmployer(String employerUnitId) {
    }
}
