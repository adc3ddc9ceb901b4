package cn.talentportal.projections.retention;

/** Queries answered by {@link RetentionCaseloadProjection}. */
public final class RetentionQueries {

    private RetentionQueries() {
    }

    public record FindCaseload(String specialistUserId) {
    }
}
