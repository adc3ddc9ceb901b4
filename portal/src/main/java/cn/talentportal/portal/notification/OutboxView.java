package cn.talentportal.portal.notification;

import cn.talentportal.infra.mail.Outbox;
import cn.talentportal.infra.mail.Outbox.OutboxEntry;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * What the portal would have mailed, when no SMTP server is configured: the latest messages of the outbox with
 * their text and calendar file. Administrators only: the messages hold names and addresses.
 */
@Route("admin/outbox")
@RolesAllowed(Role.ADMIN_ROLE)
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 200;

    public OutboxView(Outbox outbox) {
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
        grid.addColumn(e -> e.mail().toName() + " <" + e.mail().to() + ">").setHeader(getTranslation("outbox.to"));
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
            detail.setVisible(entry != null);
            if (entry != null) {
                detail.setText(entry.mail().subject() + "\n\n" + entry.mail().text()
                        + (entry.mail().hasCalendar() ? "\n\n" + entry.mail().calendar() : ""));
            }
        });
        add(explanation, grid, detail);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.name");
    }
}
