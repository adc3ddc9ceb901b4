package cn.talentportal.projections.alert;

/** Queries about a candidate's job alerts and saved searches. */
public final class AlertQueries {

    private AlertQueries() {
    }

    /** The newest notifications first, at most {@code limit}. */
    public record FindNotifications(String candidateId, int limit) {
    }

    /** Answered with a {@code Long}. */
    public record CountUnreadNotifications(String candidateId) {
    }

    /** The candidate's live saved searches, by name. */
    public record FindSavedSearches(String candidateId) {
    }
}
