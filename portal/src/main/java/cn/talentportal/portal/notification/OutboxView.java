package cn.talentportal.portal.notification;

import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.infra.mail.Outbox;
import cn.talentportal.infra.mail.Outbox.OutboxEntry;
import cn.talentportal.portal.audit.AccessReasonDialog;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What the portal would have mailed, when no SMTP server is configured: the latest messages of the outbox with
 * their text and calendar file. Administrators only: the messages hold names and addresses.
 */
@Route("admin/outbox")
@RolesAllowed(Role.ADMIN_ROLE)
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 200;
    private static final String REASON = OutboxView.class.getName() + ".reason";

    private final EventStore eventStore;
    private final Commands commands;

    public OutboxView(Outbox outbox, EventStore eventStore, Commands commands) {
        this.eventStore = eventStore;
        this.commands = commands;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("outbox.title"));
        title.addClassName("portal-title");
        add(title);
        if (!outbox.active()) {
            Paragraph smtp = new Paragraph(getTranslation("outbox.smtpConfigured"));
            smtp.setId("outbox-smtp");
            add(smtp);
            return;
        }
        Paragraph explanation = new Paragraph(getTranslation("outbox.explanation"));
        explanation.addClassName("portal-muted");
        Grid<OutboxEntry> grid = new Grid<>();
        grid.setId("outbox");
        grid.addColumn(e -> PortalFormats.dateTime(e.sentAt(), getLocale())).setHeader(getTranslation("outbox.sentAt"))
                .setAutoWidth(true);
        // the address only once the administrator has said why they open the message (PIPL)
        grid.addColumn(e -> e.mail().toName() + " <" + masked(e.mail().to()) + ">").setHeader(getTranslation("outbox.to"));
        grid.addColumn(e -> e.mail().subject()).setHeader(getTranslation("outbox.subject")).setFlexGrow(3);
        grid.addColumn(e -> e.mail().hasCalendar() ? e.mail().calendarMethod() : "")
                .setHeader(getTranslation("outbox.calendar")).setAutoWidth(true);
        grid.setItems(outbox.latest(SHOWN));
        grid.setEmptyStateText(getTranslation("outbox.none"));
        Pre detail = new Pre();
        detail.setId("outbox-detail");
        detail.addClassName("portal-card");
        detail.getStyle().set("white-space", "pre-wrap").set("width", "100%").set("box-sizing", "border-box");
        detail.setVisible(false);
        grid.asSingleSelect().addValueChangeListener(selected -> {
            OutboxEntry entry = selected.getValue();
            detail.setVisible(false);
            if (entry != null) {
                openWithReason(entry, () -> {
                    detail.setVisible(true);
                    detail.setText(entry.mail().subject() + "\n\n" + entry.mail().text()
                            + (entry.mail().hasCalendar() ? "\n\n" + entry.mail().calendar() : ""));
                }, grid::deselectAll);
            }
        });
        add(explanation, grid, detail);
    }

    /**
     * A message holds its recipient's name, address and what concerns them: it is shown once the administrator has
     * said why, and the access is recorded in the recipient's access trail (the reason asked once per session).
     */
    private void openWithReason(OutboxEntry entry, Runnable show, Runnable cancel) {
        Optional<NotificationQueued> queued = recipientOf(entry);
        if (queued.isEmpty()) {
            show.run(); // not a notification of the portal (nothing known of its recipient to record against)
            return;
        }
        NotificationQueued recipient = queued.get();
        Consumer<String> record = reason -> {
            try {
                commands.send(new RecordPersonalDataAccess(recipient.recipientId(), recipient.recipientName(),
                        PersonalDataCategory.CONTACT_DETAILS, reason), reason);
                VaadinSession.getCurrent().setAttribute(REASON, reason);
                show.run();
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
                cancel.run();
            }
        };
        String given = (String) VaadinSession.getCurrent().getAttribute(REASON);
        if (given != null) {
            record.accept(given);
        } else {
            new AccessReasonDialog(recipient.recipientName(), record, cancel).open();
        }
    }

    private Optional<NotificationQueued> recipientOf(OutboxEntry entry) {
        String notificationId = entry.mail().notificationId();
        if (notificationId == null) {
            return Optional.empty();
        }
        return eventStore.readEvents(notificationId, 0).asStream()
                .map(event -> event.getPayload())
                .filter(NotificationQueued.class::isInstance)
                .map(NotificationQueued.class::cast)
                .findFirst();
    }

    /** z***@example.cn: enough to tell messages apart, not enough to contact anyone. */
    static String masked(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.name");
    }
}
