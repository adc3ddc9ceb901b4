package cn.talentportal.portal.alerts;

import cn.talentportal.projections.alert.AlertQueries.CountUnreadNotifications;
import cn.talentportal.projections.alert.AlertQueries.NotificationsChanged;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The bell in the top bar of a signed-in candidate, with the number of unread job alerts. It subscribes to the
 * count (server push): the notifications read model signals each change, and the bell counts again, so an alert
 * stored by the job-alerts process shows without reloading and without polling.
 */
public class AlertBell extends RouterLink {

    private final QueryGateway queries;
    private final String candidateId;
    private final Span badge = new Span();
    private SubscriptionQueryResult<Long, NotificationsChanged> subscription;
    private Disposable listening;
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
        subscription = queries.subscriptionQuery(new CountUnreadNotifications(candidateId),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(NotificationsChanged.class));
        // signals that arrive together are counted once, on a thread that may wait for MongoDB
        listening = subscription.updates().bufferTimeout(100, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(changes -> {
                    try {
                        ui.access(this::refresh);
                    } catch (UIDetachedException closed) {
                        // the tab was closed meanwhile
                    }
                });
        refresh(); // an alert raised between the constructor's count and the subscription
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (listening != null) {
            listening.dispose();
            subscription.cancel();
            listening = null;
        }
    }

    Span badge() {
        return badge;
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
            // counted again at the next signal
        }
    }
}
