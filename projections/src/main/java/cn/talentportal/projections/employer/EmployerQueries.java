package cn.talentportal.projections.employer;

/** Queries answered by {@link EmployerUnitProjection}. */
public final class EmployerQueries {

    private EmployerQueries() {
    }

    public record FindAllEmployerUnits() {
    }

    public record FindEmployerUnit(String employerUnitId) {
    }
}
