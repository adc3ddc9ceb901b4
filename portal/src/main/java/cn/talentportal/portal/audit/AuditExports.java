package cn.talentportal.portal.audit;

import cn.talentportal.portal.audit.export.CsvReports;
import cn.talentportal.portal.audit.export.PdfReports;
import cn.talentportal.portal.audit.export.ReportDocument;
import cn.talentportal.portal.audit.export.ReportDocument.Block;
import cn.talentportal.portal.audit.export.ReportDocument.Fact;
import cn.talentportal.portal.audit.export.ReportDocument.Facts;
import cn.talentportal.portal.audit.export.ReportDocument.Heading;
import cn.talentportal.portal.audit.export.ReportDocument.Table;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.shared.ActorMetaData;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.candidate.HistoryEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A candidate's history as the auditor exports it: the same events, labels and values as on screen, in the auditor's
 * language, as a PDF for people and a CSV (one row per event) for tools.
 */
@Component
public class AuditExports {

    private final QueryGateway queries;
    private final TranslationProvider translations;
    private final PdfReports pdf;
    private final Clock clock;

    public AuditExports(QueryGateway queries, TranslationProvider translations, PdfReports pdf, Clock clock) {
        this.queries = queries;
        this.translations = translations;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The events stored up to {@code asOf} (null: all), oldest first. */
    List<HistoryEntry> history(String candidateId, Instant asOf) {
        return queries.query(new FindCandidateHistory(candidateId), ResponseTypes.multipleInstancesOf(HistoryEntry.class))
                .join().stream()
                .filter(e -> asOf == null || !e.timestamp().isAfter(asOf))
                .sorted(Comparator.comparing(HistoryEntry::timestamp))
                .toList();
    }

    public byte[] pdf(CandidateSummary candidate, Instant asOf, Locale locale) {
        AuditValues values = values(locale);
        Instant now = clock.instant();
        Instant until = asOf == null ? now : asOf;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Facts(List.of(
                new Fact(values.text("audit.export.candidate"), candidate.fullName() + " (" + candidate.candidateId() + ")"),
                new Fact(values.text("audit.export.asOf"), values.format(until)),
                new Fact(values.text("audit.export.exportedBy"), exporter()),
                new Fact(values.text("audit.export.exportedAt"), values.format(now)))));
        List<HistoryEntry> history = history(candidate.candidateId(), until);
        blocks.add(new Heading(values.text("audit.export.timeline", history.size())));
        blocks.add(new Table(List.of(values.text("audit.time"), values.text("audit.event"),
                values.text("audit.actor"), values.text("audit.role"), values.text("audit.reason"),
                values.text("audit.details")), List.of(15, 15, 12, 10, 16, 32),
                history.stream().map(entry -> row(entry, values)).toList()));
        String title = values.text("audit.export.title", candidate.fullName());
        String footer = values.text("audit.export.footer", values.text("app.name"), values.format(now));
        return pdf.render(new ReportDocument(title, footer, blocks));
    }

    public byte[] csv(CandidateSummary candidate, Instant asOf, Locale locale) {
        AuditValues values = values(locale);
        List<HistoryEntry> history = history(candidate.candidateId(), asOf);
        List<String> headers = List.of(values.text("audit.time"), values.text("audit.event"),
                values.text("audit.actor"), values.text("audit.role"), values.text("audit.reason"),
                values.text("audit.details"), values.text("audit.clientAddress"), values.text("audit.correlationId"));
        return CsvReports.write(headers, history.stream().map(entry -> {
            List<String> row = new ArrayList<>(row(entry, values));
            row.add(nullToEmpty(entry.clientAddress()));
            row.add(nullToEmpty(entry.correlationId()));
            return List.copyOf(row);
        }).toList());
    }

    private List<String> row(HistoryEntry entry, AuditValues values) {
        return List.of(values.format(entry.timestamp()), values.text("event." + entry.eventType()),
                actor(entry, values), entry.actorRole() == null ? "" : values.text("role." + entry.actorRole()),
                nullToEmpty(entry.reason()), details(entry, values));
    }

    private static String details(HistoryEntry entry, AuditValues values) {
        return EventFields.of(entry.payload()).stream()
                .map(field -> {
                    String label = values.text("field." + field.name());
                    return (label.startsWith("!") ? field.name() : label) + ": " + values.format(field.value());
                })
                .collect(Collectors.joining("; "));
    }

    private static String actor(HistoryEntry entry, AuditValues values) {
        String name = entry.actorName();
        return ActorMetaData.ANONYMOUS.equals(name) || ActorMetaData.SYSTEM.equals(name)
                ? values.text("role." + name) : nullToEmpty(name);
    }

    private static String exporter() {
        return CurrentUser.account().map(user -> user.displayName() + " (" + user.username() + ")").orElse("");
    }

    private AuditValues values(Locale locale) {
        return new AuditValues((key, args) -> translations.getTranslation(key, locale, args), locale);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
