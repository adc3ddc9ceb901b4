package cn.talentportal.portal.audit;

import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.DossierDiff;
import cn.talentportal.projections.dossier.DossierLine;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import cn.talentportal.projections.dossier.DossierSection;
import cn.talentportal.projections.dossier.PolicyCheck;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The candidate's whole state as it stood at a chosen instant, rebuilt from the events stored up to it; with a
 * second instant, both side by side and what changed between them.
 */
class AsOfPanel extends VerticalLayout {

    private final QueryGateway queries;
    private final AuditValues values;
    private final Clock clock;
    private final String candidateId;
    private final DateTimePicker first = new DateTimePicker();
    private final DateTimePicker second = new DateTimePicker();
    private final Div result = new Div();
    /** The exact instant of the event the auditor came from, while the picker still shows its second. */
    private Instant pinned;

    AsOfPanel(QueryGateway queries, AuditValues values, Clock clock, String candidateId) {
        this.queries = queries;
        this.values = values;
        this.clock = clock;
        this.candidateId = candidateId;
        setPadding(false);
        first.setId("asof-first");
        first.setLabel(getTranslation("audit.asOf.first"));
        first.setStep(Duration.ofSeconds(1));
        first.setValue(local(clock.instant()));
        second.setId("asof-second");
        second.setLabel(getTranslation("audit.asOf.second"));
        second.setHelperText(getTranslation("audit.asOf.secondHelp"));
        second.setStep(Duration.ofSeconds(1));
        Button show = new Button(getTranslation("audit.asOf.show"), e -> show());
        show.setId("asof-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout pickers = new FlexLayout(first, second, show);
        pickers.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pickers.setAlignItems(Alignment.BASELINE);
        pickers.addClassName("portal-filters");
        result.setId("asof-result");
        result.setWidthFull();
        add(new Paragraph(getTranslation("audit.asOf.explain")), pickers, result);
    }

    /** Opens the state right after one event of the timeline: as of its exact instant, not its whole second. */
    void showAt(Instant instant) {
        first.setValue(local(instant));
        pinned = instant;
        second.clear();
        show(instant);
    }

    private void show() {
        Instant a = pinned != null && local(pinned).equals(first.getValue()) ? pinned : instant(first.getValue());
        if (a == null) {
            a = clock.instant();
            first.setValue(local(a));
        }
        show(a);
    }

    private void show(Instant a) {
        result.removeAll();
        CandidateDossier before = dossier(a);
        Instant b = instant(second.getValue());
        if (b == null) {
            result.add(dossierView(before, Set.of()));
            return;
        }
        CandidateDossier after = dossier(b);
        DossierDiff diff = DossierDiff.between(before, after);
        Set<String> changed = diff.changes().stream().map(DossierDiff.Change::path).collect(Collectors.toSet());
        result.add(diffView(diff, a, b));
        Div sideBySide = new Div(dossierView(before, changed), dossierView(after, changed));
        sideBySide.addClassName("portal-side-by-side");
        result.add(sideBySide);
    }

    private CandidateDossier dossier(Instant asOf) {
        return queries.query(new FindCandidateAsOf(candidateId, asOf), CandidateDossier.class).join();
    }

    private Component diffView(DossierDiff diff, Instant a, Instant b) {
        Div box = new Div();
        box.setId("asof-diff");
        box.addClassName("portal-card");
        box.add(new H4(getTranslation("audit.asOf.changes", values.format(a), values.format(b),
                diff.changes().size())));
        if (diff.isEmpty()) {
            box.add(new Paragraph(getTranslation("audit.asOf.noChanges")));
        }
        for (DossierDiff.Change change : diff.changes()) {
            Div row = new Div();
            row.addClassName("portal-change");
            Span kind = new Span(getTranslation("dossier.change." + change.kind().name()));
            kind.addClassName("portal-tag");
            row.add(kind, new Span(" " + getTranslation(change.sectionTitleKey()) + " · "
                    + getTranslation(change.labelKey()) + ": "),
                    new Span(values.format(display(change.before())) + " → " + values.format(display(change.after()))));
            box.add(row);
        }
        return box;
    }

    private Component dossierView(CandidateDossier dossier, Set<String> changedPaths) {
        Div column = new Div();
        column.addClassName("portal-dossier");
        H4 title = new H4(getTranslation("audit.asOf.stateAt", values.format(dossier.asOf())));
        column.add(title);
        if (!dossier.registered()) {
            column.add(new Paragraph(getTranslation("audit.asOf.notRegistered")));
            return column;
        }
        column.add(new Span(getTranslation("audit.asOf.rebuiltFrom", dossier.events().size())));
        for (DossierSection section : dossier.sections()) {
            Div card = new Div();
            card.addClassName("portal-card");
            card.add(new H5(getTranslation(section.titleKey())
                    + (section.heading() == null ? "" : " · " + section.heading())));
            Div fields = new Div();
            fields.addClassName("portal-fields");
            for (DossierLine line : section.lines()) {
                Span label = new Span(getTranslation(line.labelKey()));
                Span value = new Span(values.format(display(line.value())));
                if (changedPaths.contains(line.path())) {
                    label.addClassName("portal-changed");
                    value.addClassName("portal-changed");
                }
                fields.add(label, value);
            }
            card.add(fields);
            column.add(card);
        }
        if (!dossier.policyChecks().isEmpty()) {
            column.add(policyView(dossier));
        }
        return column;
    }

    /** The policy replay: for each allowance grant, the version in force at signing and whether the grant met it. */
    private Component policyView(CandidateDossier dossier) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.setId("asof-policy");
        card.add(new H5(getTranslation("audit.asOf.policyChecks")));
        for (PolicyCheck check : dossier.policyChecks()) {
            Div fields = new Div();
            fields.addClassName("portal-fields");
            fields.add(new Span(getTranslation("audit.asOf.allowanceType")), new Span(values.format(check.type())),
                    new Span(getTranslation("audit.asOf.granted")),
                    new Span(getTranslation("audit.asOf.grantedValue", check.monthlyAmount(),
                            values.format(check.decidedAt()), check.policyName(), check.recordedVersion())),
                    new Span(getTranslation("dossier.policyVersionInForce")),
                    new Span(check.versionInForce() == null ? "—" : getTranslation("audit.asOf.versionInForce",
                            check.versionInForce(), values.format(check.inForceSince()),
                            check.capInForce() == null ? "—" : check.capInForce())),
                    new Span(getTranslation("dossier.policyVerdict")),
                    verdict(check));
            card.add(fields);
        }
        return card;
    }

    private Span verdict(PolicyCheck check) {
        Span verdict = new Span(getTranslation("policyVerdict." + check.verdict().name()));
        verdict.addClassName(check.met() ? "portal-ok" : "portal-problem");
        return verdict;
    }

    private static Object display(Object value) {
        return value == null ? "—" : value;
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), PortalFormats.OFFICE_ZONE);
    }

    /** A picked minute or second means its end: "as of 10:05" includes what happened during 10:05:00.xxx. */
    private static Instant instant(LocalDateTime local) {
        Instant start = AuditValues.officeInstant(local);
        return start == null ? null : start.plusSeconds(1).minusMillis(1);
    }
}
