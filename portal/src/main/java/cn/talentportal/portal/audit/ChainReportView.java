package cn.talentportal.portal.audit;

import cn.talentportal.infra.eventstore.chain.ChainBreak;
import cn.talentportal.infra.eventstore.chain.ChainVerificationReport;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;

/**
 * The result of a hash-chain verification as an auditor reads it: intact or not, how many events were checked, the
 * head digest to quote, and each break named by kind, stream and position.
 */
class ChainReportView extends Div {

    ChainReportView(ChainVerificationReport report, AuditValues values) {
        setId("chain-report");
        addClassName("portal-card");
        Span verdict = new Span(getTranslation(report.intact() ? "integrity.intact" : "integrity.broken",
                report.breaks().size() + report.breaksOmitted()));
        verdict.setId("chain-verdict");
        verdict.addClassName(report.intact() ? "portal-ok" : "portal-problem");
        add(new Div(verdict));
        add(new Paragraph(getTranslation("integrity.checked", report.eventsChecked(),
                values.format(report.verifiedAt()))));
        if (report.eventsSealedLater() > 0) {
            add(new Paragraph(getTranslation("integrity.sealedLater", report.eventsSealedLater(),
                    values.format(report.lastSealedAt()))));
        }
        if (report.anchor() != null) {
            add(new Paragraph(getTranslation("integrity.againstAnchor", report.anchor().number(),
                    values.format(report.anchor().createdAt()), report.anchor().keyFingerprint())));
        }
        add(new Span(getTranslation("integrity.headDigest")));
        Pre digest = new Pre(report.headDigest() == null ? "—" : report.headDigest());
        digest.setId("chain-head");
        digest.addClassName("portal-code");
        add(digest);
        if (!report.breaks().isEmpty()) {
            Grid<ChainBreak> breaks = new Grid<>();
            breaks.setId("chain-breaks");
            breaks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            breaks.addColumn(b -> getTranslation("integrity.kind." + b.kind().name()))
                    .setHeader(getTranslation("integrity.kind")).setAutoWidth(true).setFlexGrow(0);
            breaks.addColumn(ChainBreak::aggregateId).setHeader(getTranslation("integrity.stream"));
            breaks.addColumn(ChainBreak::sequenceNumber).setHeader(getTranslation("integrity.sequence"))
                    .setAutoWidth(true).setFlexGrow(0);
            breaks.addColumn(b -> b.globalIndex() == null ? "" : String.valueOf(b.globalIndex()))
                    .setHeader(getTranslation("integrity.globalIndex")).setAutoWidth(true).setFlexGrow(0);
            breaks.addColumn(b -> getTranslation("integrity.explain." + b.kind().name()))
                    .setHeader(getTranslation("integrity.meaning")).setFlexGrow(2);
            breaks.setItems(report.breaks());
            breaks.setAllRowsVisible(report.breaks().size() <= 20);
            add(breaks);
            if (report.breaksOmitted() > 0) {
                add(new Paragraph(getTranslation("integrity.omitted", report.breaksOmitted())));
            }
        }
    }
}
