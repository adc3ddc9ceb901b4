package cn.talentportal.domain.alert;

import org.axonframework.serialization.Revision;

/** What happened to a candidate's saved searches and the alerts they raised. */
public final class JobAlertEvents {

    private JobAlertEvents() {
    }

    @Revision("1")
    public record SearchSaved(String candidateId, String savedSearchId, String searchName, SearchCriteria criteria) {
    }

    @Revision("1")
    public record SavedSearchDeleted(String candidateId, String savedSearchId, String searchName) {
    }

    /** A published opening matched a saved search: the candidate is told, once per opening and saved search. */
    @Revision("1")
    public record JobAlertRaised(String savedSearchId, String candidateId, String searchName, String openingId,
                                 String openingTitle, String employerName) {
    }

    /** The candidate opened their alerts: the {@code alertsRead} alerts raised before this event are read. */
    @Revision("1")
    public record JobAlertsRead(String candidateId, int alertsRead) {
    }
}
