package cn.talentportal.portal.alerts;

import cn.talentportal.domain.alert.JobAlertCommands.DeleteSavedSearch;
import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.alert.AlertQueries.FindNotifications;
import cn.talentportal.projections.alert.AlertQueries.FindSavedSearches;
import cn.talentportal.projections.alert.NotificationView;
import cn.talentportal.projections.alert.SavedSearchEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A candidate's job alerts, newest first, each linking to its opening, and their saved searches, each with a
 * delete button. Opening the page marks the alerts read.
 */
@Route("alerts")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class AlertsView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 100;

    private final QueryGateway queries;
    private final Commands commands;
    private final String candidateId;
    private final VerticalLayout alerts = new VerticalLayout();
    private final VerticalLayout searches = new VerticalLayout();

    public AlertsView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        this.candidateId = CurrentUser.require().candidateId();
        addClassName("portal-page");
        H2 title = new H2(getTranslation("alerts.title"));
        title.addClassName("portal-title");
        alerts.setId("job-alerts");
        alerts.setPadding(false);
        searches.setId("saved-searches");
        searches.setPadding(false);
        add(title, alerts, new H3(getTranslation("alerts.savedSearches")), searches);
        showAlerts();
        showSavedSearches(savedSearches());
    }

    private void showAlerts() {
        List<NotificationView> notifications = queries.query(new FindNotifications(candidateId, SHOWN),
                ResponseTypes.multipleInstancesOf(NotificationView.class)).join();
        alerts.removeAll();
        if (notifications.isEmpty()) {
            alerts.add(muted(getTranslation("alerts.none")));
        }
        notifications.forEach(n -> alerts.add(card(n)));
        if (notifications.stream().anyMatch(n -> !n.read())) {
            try {
                commands.send(new MarkJobAlertsRead(candidateId));
            } catch (DomainRuleViolation refusal) {
                // still unread: marked the next time the page is opened
            }
        }
    }

    private Div card(NotificationView notification) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.getElement().setAttribute("data-opening-id", notification.openingId());
        RouterLink opening = new RouterLink(notification.openingTitle(), AlertOpeningView.class,
                new RouteParameters(AlertOpeningView.OPENING_ID, notification.openingId()));
        opening.addClassName("portal-alert-title");
        HorizontalLayout head = new HorizontalLayout(opening);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (!notification.read()) {
            Span fresh = new Span(getTranslation("alerts.new"));
            fresh.addClassNames("portal-tag", "portal-alert-new");
            head.add(fresh);
        }
        card.add(head, muted(notification.employerName() + " · "
                        + getTranslation("alerts.matched", notification.searchName())),
                muted(PortalFormats.dateTime(notification.raisedAt(), getLocale())));
        return card;
    }

    private List<SavedSearchEntry> savedSearches() {
        try {
            return queries.query(new FindSavedSearches(candidateId),
                    ResponseTypes.multipleInstancesOf(SavedSearchEntry.class)).join();
        } catch (RuntimeException searchUnavailable) {
            return null;
        }
    }

    private void showSavedSearches(List<SavedSearchEntry> saved) {
        searches.removeAll();
        if (saved == null) {
            searches.add(muted(getTranslation("search.unavailable")));
        } else if (saved.isEmpty()) {
            searches.add(muted(getTranslation("alerts.savedSearches.none")));
        }
        if (saved != null) {
            saved.forEach(search -> searches.add(savedSearchRow(search)));
        }
    }

    private HorizontalLayout savedSearchRow(SavedSearchEntry search) {
        Span name = new Span(search.name());
        Span criteria = muted(describe(search.criteria()));
        Button delete = new Button(getTranslation("alerts.delete"), e -> delete(search));
        delete.addClassName("delete-saved-search");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        HorizontalLayout row = new HorizontalLayout(name, criteria, delete);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getElement().setAttribute("data-saved-search-id", search.savedSearchId());
        return row;
    }

    private void delete(SavedSearchEntry search) {
        try {
            commands.send(new DeleteSavedSearch(candidateId, search.savedSearchId()));
            Notices.success("alerts.deleted", search.name());
            showSavedSearches(ReadModels.awaitChange(this::savedSearches, saved -> saved == null
                    || saved.stream().noneMatch(s -> s.savedSearchId().equals(search.savedSearchId()))));
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
        }
    }

    private String describe(SearchCriteria criteria) {
        return Stream.of(criteria.text(),
                        criteria.sector() == null ? null : getTranslation("sector." + criteria.sector().name()),
                        criteria.county())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("portal-muted");
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title") + " · " + getTranslation("app.name");
    }
}
