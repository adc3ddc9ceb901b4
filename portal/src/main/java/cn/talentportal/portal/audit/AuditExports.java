package cn.talentportal.portal.audit;

import cn.talentportal.domain.privacy.ExportFormat;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordHistoryExport;
import cn.talentportal.infra.eventstore.chain.ChainBreak;
import cn.talentportal.infra.eventstore.chain.ChainVerificationReport;
import cn.talentportal.infra.eventstore.chain.EventChainVerifier;
import cn.talentportal.portal.audit.export.CsvReports;
import cn.talentportal.portal.audit.export.PdfReports;
import cn.talentportal.portal.audit.export.ReportDocument;
import cn.talentportal.portal.audit.export.ReportDocument.Block;
import cn.talentportal.portal.audit.export.ReportDocument.Code;
import cn.talentportal.portal.audit.export.ReportDocument.Fact;
import cn.talentportal.portal.audit.export.ReportDocument.Facts;
import cn.talentportal.portal.audit.export.ReportDocument.Heading;
import cn.talentportal.portal.audit.export.ReportDocument.Table;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.candidate.CandidateQueries.FindStreamsHistory;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.candidate.HistoryEntry;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.DossierLine;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import cn.talentportal.projections.dossier.DossierSection;
import cn.talentportal.projections.dossier.PolicyCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A candidate's history as the auditor exports it, as it stood at a chosen instant: for people a PDF (the hash-chain
 * verification with its head, the whole state then, the policy replay and every event with who, role, reason and
 * time); for tools a CSV, one row per event. The same labels and values as on screen, in the auditor's language.
 * Every export is recorded in the candidate's access trail with the chain head it was checked against.
 */
@Component
public class AuditExports {

    private final QueryGateway queries;
    private final Commands commands;
    private final EventChainVerifier verifier;
    private final TranslationProvider translations;
    private final PdfReports pdf;
    private final Clock clock;

    public AuditExports(QueryGateway queries, Commands commands, EventChainVerifier verifier,
                        TranslationProvider translations, PdfReports pdf, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.verifier = verifier;
        this.translations = translations;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** @param asOf the instant to export as of; null for now */
    public byte[] pdf(CandidateSummary candidate, Instant asOf, Locale locale, String reason) {
        Story story = story(candidate, asOf);
        AuditValues values = values(locale);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Facts(List.of(
                new Fact(values.text("audit.export.candidate"), candidate.fullName() + " (" + candidate.candidateId() + ")"),
                new Fact(values.text("audit.export.asOf"), values.format(story.asOf())),
                new Fact(values.text("audit.export.exportedBy"), exporter()),
                new Fact(values.text("audit.export.exportedAt"), values.format(story.exportedAt())),
                new Fact(values.text("audit.export.reason"), reason))));
        blocks.addAll(verification(story.verification(), values));
        blocks.add(new Heading(values.text("audit.export.state", values.format(story.asOf()))));
        for (DossierSection section : story.dossier().sections()) {
            blocks.add(new Heading(values.text(section.titleKey())
                    + (section.heading() == null ? "" : " · " + section.heading())));
            blocks.add(new Facts(section.lines().stream()
                    .map(line -> new Fact(values.text(line.labelKey()), display(line, values))).toList()));
        }
        if (!story.dossier().policyChecks().isEmpty()) {
            blocks.add(new Heading(values.text("audit.asOf.policyChecks")));
            blocks.add(new Table(List.of(values.text("audit.asOf.allowanceType"), values.text("audit.asOf.granted"),
                    values.text("dossier.policyVersionInForce"), values.text("dossier.policyVerdict")),
                    List.of(20, 35, 25, 20), story.dossier().policyChecks().stream()
                    .map(check -> policyRow(check, values)).toList()));
        }
        blocks.add(new Heading(values.text("audit.export.timeline", story.history().size())));
        blocks.add(new Table(List.of(values.text("audit.time"), values.text("audit.event"),
                values.text("audit.actor"), values.text("audit.role"), values.text("audit.reason"),
                values.text("audit.details")), List.of(15, 15, 12, 10, 16, 32),
                story.history().stream().map(entry -> row(entry, values)).toList()));
        String title = values.text("audit.export.title", candidate.fullName());
        String footer = values.text("audit.export.footer", values.text("app.name"), values.format(story.exportedAt()));
        byte[] file = pdf.render(new ReportDocument(title, footer, blocks));
        record(candidate, ExportFormat.PDF, story, reason);
        return file;
    }

    /** @param asOf the instant to export as of; null for now */
    public byte[] csv(CandidateSummary candidate, Instant asOf, Locale locale, String reason) {
        Story story = story(candidate, asOf);
        AuditValues values = values(locale);
        List<String> headers = List.of(values.text("audit.time"), values.text("audit.event"),
                values.text("audit.actor"), values.text("audit.role"), values.text("audit.reason"),
                values.text("audit.details"), values.text("audit.clientAddress"), values.text("audit.correlationId"));
        byte[] file = CsvReports.write(headers, story.history().stream().map(entry -> {
            List<String> row = new ArrayList<>(row(entry, values));
            row.add(nullToEmpty(entry.clientAddress()));
            row.add(nullToEmpty(entry.correlationId()));
            return List.copyOf(row);
        }).toList());
        record(candidate, ExportFormat.CSV, story, reason);
        return file;
    }

    private record Story(Instant asOf, Instant exportedAt, CandidateDossier dossier, List<HistoryEntry> history,
                         ChainVerificationReport verification) {
    }

    private Story story(CandidateSummary candidate, Instant asOf) {
        Instant now = clock.instant();
        Instant until = asOf == null || asOf.isAfter(now) ? now : asOf;
        CandidateDossier dossier = queries.query(new FindCandidateAsOf(candidate.candidateId(), until),
                CandidateDossier.class).join();
        // the streams are found from today's story, so the verification covers everything the export could show
        CandidateDossier today = until.equals(now) ? dossier : queries.query(
                new FindCandidateAsOf(candidate.candidateId(), now), CandidateDossier.class).join();
        CandidateStreams streams = CandidateStreams.of(candidate.candidateId(), today);
        List<HistoryEntry> history = queries.query(new FindStreamsHistory(streams.own()),
                        ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join().stream()
                .filter(entry -> !entry.timestamp().isAfter(until))
                .toList();
        return new Story(until, now, dossier, history, verifier.verifyAggregates(streams.all()));
    }

    private void record(CandidateSummary candidate, ExportFormat format, Story story, String reason) {
        commands.send(new RecordHistoryExport(candidate.candidateId(), candidate.fullName(), format, story.asOf(),
                story.verification().headDigest(), reason), reason);
    }

    private static List<Block> verification(ChainVerificationReport report, AuditValues values) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(values.text("audit.export.verification")));
        blocks.add(new Facts(List.of(
                new Fact(values.text("integrity.result"), values.text(report.intact() ? "integrity.intact"
                        : "integrity.broken", report.breaks().size() + report.breaksOmitted())),
                new Fact(values.text("integrity.eventsChecked"), String.valueOf(report.eventsChecked())),
                new Fact(values.text("integrity.verifiedAt"), values.format(report.verifiedAt())))));
        blocks.add(new Code(values.text("integrity.headDigest"), report.headDigest() == null ? "—"
                : report.headDigest()));
        if (!report.breaks().isEmpty()) {
            blocks.add(new Table(List.of(values.text("integrity.kind"), values.text("integrity.stream"),
                    values.text("integrity.sequence"), values.text("integrity.meaning")), List.of(15, 35, 10, 40),
                    report.breaks().stream().map(b -> breakRow(b, values)).toList()));
        }
        return blocks;
    }

    private static List<String> breakRow(ChainBreak chainBreak, AuditValues values) {
        return List.of(values.text("integrity.kind." + chainBreak.kind().name()), nullToEmpty(chainBreak.aggregateId()),
                String.valueOf(chainBreak.sequenceNumber()),
                values.text("integrity.explain." + chainBreak.kind().name()));
    }

    private static List<String> policyRow(PolicyCheck check, AuditValues values) {
        return List.of(values.format(check.type()),
                values.text("audit.asOf.grantedValue", check.monthlyAmount(), values.format(check.decidedAt()),
                        check.policyName(), check.recordedVersion()),
                check.versionInForce() == null ? "—" : values.text("audit.asOf.versionInForce",
                        check.versionInForce(), values.format(check.inForceSince()),
                        check.capInForce() == null ? "—" : check.capInForce()),
                values.text("policyVerdict." + check.verdict().name()));
    }

    private static String display(DossierLine line, AuditValues values) {
        return line.value() == null ? "—" : values.format(line.value());
    }

    private static List<String> row(HistoryEntry entry, AuditValues values) {
        return List.of(values.format(entry.timestamp()), values.text("event." + entry.eventType()),
                values.actor(entry.actorName()), entry.actorRole() == null ? "" : values.text("role." + entry.actorRole()),
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
