package cn.talentportal.projections.alert;

/** Queries about a candidate's job alerts and saved searches. */
public final class AlertQueries {

    private AlertQueries() {
    }

    /** The newest notifications first, at most {@code limit}. */
    public record FindNotifications(String candidateId, int limit) {
    }

    /** Answered with a {@code Long}; a subscription to it is told {@link NotificationsChanged} when that may change. */
    public record CountUnreadNotifications(String candidateId) {
    }

    /** A signal, no state: the candidate's notifications changed (an alert arrived, or alerts were read). */
    public record NotificationsChanged(String candidateId) {
    }

    /** The candidate's live saved searches, by name. */
    public record FindSavedSearches(String candidateId) {
    }
}
