package cn.talentportal.portal.audit;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.audit.export.ExportUnavailableException;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.projections.candidate.CandidateSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Downloads of the candidate's history as of a chosen instant (empty: now). The file is made when the auditor asks
 * for it, on the download request, so it holds what is stored at that moment.
 */
class ExportPanel extends VerticalLayout {

    private final AuditExports exports;
    private final CandidateSummary candidate;
    private final String reason;
    private final DateTimePicker asOf = new DateTimePicker();
    // read on the download request, outside the UI lock: a snapshot the UI thread keeps current
    private volatile Instant chosenInstant;
    private volatile Locale locale;

    /** @param reason why the auditor opened the candidate, recorded with each export */
    ExportPanel(AuditExports exports, CandidateSummary candidate, String reason) {
        this.exports = exports;
        this.candidate = candidate;
        this.reason = reason;
        this.locale = getLocale();
        setPadding(false);
        asOf.setId("export-as-of");
        asOf.setLabel(getTranslation("audit.export.asOfPicker"));
        asOf.setHelperText(getTranslation("audit.export.asOfHelp"));
        asOf.addValueChangeListener(e -> chosenInstant = AuditValues.officeInstant(e.getValue()));
        Anchor pdf = download("export-pdf", "audit.export.pdf", "pdf", "application/pdf", exports::pdf);
        Anchor csv = download("export-csv", "audit.export.csv", "csv", "text/csv;charset=UTF-8", exports::csv);
        FlexLayout links = new FlexLayout(pdf, csv);
        links.addClassName("portal-actions");
        add(new Paragraph(getTranslation("audit.export.explain")), asOf, links);
    }

    private Anchor download(String id, String labelKey, String extension, String contentType,
                            Exporter export) {
        DownloadHandler handler = event -> write(event, extension, contentType, export);
        Anchor anchor = new Anchor(handler, getTranslation(labelKey));
        anchor.setId(id);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        anchor.addClassName("portal-button-link");
        return anchor;
    }

    private void write(DownloadEvent event, String extension, String contentType, Exporter export)
            throws IOException {
        try {
            byte[] file = export.apply(candidate, chosenInstant, locale, reason);
            event.setFileName(candidate.fullName() + "-" + candidate.candidateId() + "." + extension);
            event.setContentType(contentType);
            event.setContentLength(file.length);
            event.getOutputStream().write(file);
        } catch (DomainRuleViolation refusal) {
            // not recorded, so not handed out
            event.getResponse().setStatus(409);
            event.getUI().access(() -> Notices.refused(refusal));
        } catch (ExportUnavailableException unavailable) {
            event.getResponse().setStatus(503);
            UI ui = event.getUI();
            ui.access(() -> Notification.show(ui.getTranslation(unavailable.messageKey(), unavailable.arguments()),
                    8000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        locale = attachEvent.getUI().getLocale();
    }

    @FunctionalInterface
    interface Exporter {
        byte[] apply(CandidateSummary candidate, Instant asOf, Locale locale, String reason);
    }
}
