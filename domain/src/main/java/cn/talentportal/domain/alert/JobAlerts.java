package cn.talentportal.domain.alert;

import cn.talentportal.domain.alert.JobAlertCommands.DeleteSavedSearch;
import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertsRead;
import cn.talentportal.domain.alert.JobAlertEvents.SavedSearchDeleted;
import cn.talentportal.domain.alert.JobAlertEvents.SearchSaved;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One candidate's saved searches and the job alerts they raised (id {@code alerts:<candidateId>}). Per candidate
 * rather than per search, so the limit of {@value #MAX_SAVED_SEARCHES} searches holds without a read model and a
 * candidate's alerts are one stream (decision 0011). Created by the first saved search.
 */
public class JobAlerts {

    public static final int MAX_SAVED_SEARCHES = 20;
    static final int MAX_NAME_LENGTH = 40;

    @AggregateIdentifier
    private String jobAlertsId;
    private String candidateId;
    private final Map<String, SavedSearch> savedSearches = new HashMap<>();
    /** {@code savedSearchId + " " + openingId} of every alert of a live search: a redelivered match is ignored. */
    private final Set<String> alerted = new HashSet<>();
    private int unread;

    protected JobAlerts() {
        // for Axon, and for the first saved search of a candidate
    }

    /** The alerts of a candidate: prefixed, as the store's stream ids are shared by all aggregate types. */
    public static String idOf(String candidateId) {
        return "alerts:" + candidateId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SaveSearch command) {
        String candidate = Require.text(command.candidateId(), "candidate.id", 64);
        String savedSearchId = Require.text(command.savedSearchId(), "alerts.search.id", 64);
        String name = Require.text(command.name(), "alerts.search.name", MAX_NAME_LENGTH);
        SearchCriteria criteria = Require.present(command.criteria(), "alerts.search.criteria");
        if (savedSearches.containsKey(savedSearchId)) {
            throw new DomainRuleViolation("alerts.search.duplicateId", savedSearchId);
        }
        live().filter(s -> s.criteria().equals(criteria)).findFirst().ifPresent(same -> {
            throw new DomainRuleViolation("alerts.search.sameCriteria", same.name());
        });
        if (live().count() >= MAX_SAVED_SEARCHES) {
            throw new DomainRuleViolation("alerts.search.limit", MAX_SAVED_SEARCHES);
        }
        apply(new SearchSaved(candidate, savedSearchId, name, criteria));
    }

    @CommandHandler
    public void handle(DeleteSavedSearch command) {
        SavedSearch search = existing(command.savedSearchId());
        if (search.deleted()) {
            throw new DomainRuleViolation("alerts.search.alreadyDeleted", search.name());
        }
        apply(new SavedSearchDeleted(candidateId, search.savedSearchId(), search.name()));
    }

    /** Once per opening and saved search: a repeated match (redelivery, replay, resumed opening) changes nothing. */
    @CommandHandler
    public void handle(RaiseJobAlert command) {
        String openingId = Require.text(command.openingId(), "alerts.opening", 64);
        String title = Require.text(command.openingTitle(), "opening.title", 80);
        String employer = Require.text(command.employerName(), "opening.employer", 100);
        SavedSearch search = existing(command.savedSearchId());
        if (search.deleted()) {
            throw new DomainRuleViolation("alerts.search.deleted", search.name());
        }
        if (alerted.contains(alertKey(search.savedSearchId(), openingId))) {
            return;
        }
        apply(new JobAlertRaised(search.savedSearchId(), candidateId, search.name(), openingId, title, employer));
    }

    @CommandHandler
    public void handle(MarkJobAlertsRead command) {
        if (unread > 0) {
            apply(new JobAlertsRead(candidateId, unread));
        }
    }

    private SavedSearch existing(String savedSearchId) {
        SavedSearch search = savedSearchId == null ? null : savedSearches.get(savedSearchId);
        if (search == null) {
            throw new DomainRuleViolation("alerts.search.unknown", String.valueOf(savedSearchId));
        }
        return search;
    }

    private Stream<SavedSearch> live() {
        return savedSearches.values().stream().filter(s -> !s.deleted());
    }

    private static String alertKey(String savedSearchId, String openingId) {
        return savedSearchId + " " + openingId;
    }

    @EventSourcingHandler
    void on(SearchSaved event) {
        jobAlertsId = idOf(event.candidateId());
        candidateId = event.candidateId();
        savedSearches.put(event.savedSearchId(),
                new SavedSearch(event.savedSearchId(), event.searchName(), event.criteria(), false));
    }

    @EventSourcingHandler
    void on(SavedSearchDeleted event) {
        savedSearches.computeIfPresent(event.savedSearchId(), (id, search) -> search.asDeleted());
        // a deleted search raises no more alerts, so its opening ids need not be remembered
        alerted.removeIf(key -> key.startsWith(event.savedSearchId() + " "));
    }

    @EventSourcingHandler
    void on(JobAlertRaised event) {
        alerted.add(alertKey(event.savedSearchId(), event.openingId()));
        unread++;
    }

    @EventSourcingHandler
    void on(JobAlertsRead event) {
        unread = 0;
    }

    /** A saved search as this aggregate keeps it; a deleted one stays so its id is never reused. */
    record SavedSearch(String savedSearchId, String name, SearchCriteria criteria, boolean deleted) {

        SavedSearch asDeleted() {
            return new SavedSearch(savedSearchId, name, criteria, true);
        }
    }
}
