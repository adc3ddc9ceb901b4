package cn.talentportal.portal.alerts;

import cn.talentportal.projections.alert.AlertQueries.CountUnreadNotifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The bell in the top bar of a signed-in candidate, with the number of unread job alerts. The app shell has no
 * server push, so the page polls: every {@value #POLL_MILLIS} ms one count query, and an alert stored by the
 * job-alerts process shows at the next poll (stored within 2 s of the publication, shown at most a poll later).
 */
public class AlertBell extends RouterLink {

    static final int POLL_MILLIS = 1000;

    private final QueryGateway queries;
    private final String candidateId;
    private final Span badge = new Span();
    private Registration polling;
    private long shown = -1;

    public AlertBell(QueryGateway queries, String candidateId) {
        super(AlertsView.class);
        this.queries = queries;
        this.candidateId = candidateId;
        setId("alert-bell");
        addClassName("portal-alert-bell");
        getElement().setAttribute("aria-label", getTranslation("alerts.bell"));
        getElement().setAttribute("title", getTranslation("alerts.bell"));
        badge.setId("alert-badge");
        badge.addClassName("portal-alert-badge");
        add(VaadinIcon.BELL.create(), badge);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Reads the unread count again; the bell stays as it was when the read model cannot answer. */
    void refresh() {
        try {
            long unread = queries.query(new CountUnreadNotifications(candidateId), Long.class).join();
            if (unread != shown) {
                shown = unread;
                badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
                badge.setVisible(unread > 0);
                getElement().setAttribute("data-unread", String.valueOf(unread));
            }
        } catch (RuntimeException readModelUnavailable) {
            // shown again at the next poll
        }
    }
}
