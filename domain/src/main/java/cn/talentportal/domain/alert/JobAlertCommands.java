package cn.talentportal.domain.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to a candidate's {@link JobAlerts}; each names the candidate, whose alerts aggregate it targets. */
public final class JobAlertCommands {

    private JobAlertCommands() {
    }

    /** The first saved search of a candidate creates their alerts. */
    public record SaveSearch(String candidateId, String savedSearchId, String name, SearchCriteria criteria) {

        @TargetAggregateIdentifier
        public String jobAlertsId() {
            return JobAlerts.idOf(candidateId);
        }
    }

    public record DeleteSavedSearch(String candidateId, String savedSearchId) {

        @TargetAggregateIdentifier
        public String jobAlertsId() {
            return JobAlerts.idOf(candidateId);
        }
    }

    /**
     * Sent by the job alert process when a published opening matches a saved search. Sent again for the same
     * opening (a redelivered or replayed publication, a resumed opening) it changes nothing.
     */
    public record RaiseJobAlert(String candidateId, String savedSearchId, String openingId, String openingTitle,
                                String employerName) {

        @TargetAggregateIdentifier
        public String jobAlertsId() {
            return JobAlerts.idOf(candidateId);
        }
    }

    /** The candidate has seen their alerts: every alert raised so far is read. */
    public record MarkJobAlertsRead(String candidateId) {

        @TargetAggregateIdentifier
        public String jobAlertsId() {
            return JobAlerts.idOf(candidateId);
        }
    }
}
