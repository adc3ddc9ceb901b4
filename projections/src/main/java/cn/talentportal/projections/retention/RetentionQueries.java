package cn.talentportal.projections.retention;

/** Queries answered by {@link RetentionCaseloadProjection}. */
public final class RetentionQueries {

    private RetentionQueries() {
    }

    public record FindCaseload(String specialistUserId) {
    }

    /** A page of {@link FindCaseload}, in the same order, for lazy lists. */
    public record FindCaseloadPage(String specialistUserId, int offset, int limit) {
    }

    public record CountCaseload(String specialistUserId) {
    }

    /** Cases no specialist has taken yet, earliest start first: a specialist takes them over. */
    public record FindUnassignedCases(int offset, int limit) {
    }

    public record CountUnassignedCases() {
    }

    /** One case, whoever follows it: the view checks who may see it. */
    public record FindRetentionCase(String caseId) {
    }

    /** The cases of a placed talent (one per placement), latest start first; none before placement. */
    public record FindCasesOfCandidate(String candidateId) {
    }

    /** The service requests of a case, latest first, each with its status and answer. */
    public record FindServiceRequests(String caseId) {
    }

    /** The follow-up visits of a case, latest first. */
    public record FindFollowUpVisits(String caseId) {
    }

    /** Every allowance policy with all its versions. Reference data: a district has a handful. */
    public record FindAllowancePolicies() {
    }
}
