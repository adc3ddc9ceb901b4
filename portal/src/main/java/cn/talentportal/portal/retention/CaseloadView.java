package cn.talentportal.portal.retention;

import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionQueries.CountCaseload;
import cn.talentportal.projections.retention.RetentionQueries.CountUnassignedCases;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseloadPage;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import cn.talentportal.projections.retention.RetentionQueries.FindUnassignedCases;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A service specialist's own caseload: each placed talent they follow, with services asked for and granted, the
 * next visit and the 1-, 3- and 5-year milestones, due and overdue ones highlighted. Below, cases no specialist has
 * taken yet, which they may take over. Both lists load a page at a time.
 */
@Route("retention/caseload")
@RolesAllowed(Role.SPECIALIST_ROLE)
public class CaseloadView extends VerticalLayout implements HasDynamicTitle {

    /** A visit or milestone this close is shown as due. */
    static final int DUE_WITHIN_DAYS = 30;

    private final QueryGateway queries;
    private final Commands commands;
    private final Clock clock;
    private final UserAccount specialist = CurrentUser.require();
    private final Grid<CaseloadEntry> caseload = new Grid<>();
    private final Grid<CaseloadEntry> unassigned = new Grid<>();

    public CaseloadView(QueryGateway queries, Commands commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("caseload.title"));
        title.addClassName("portal-title");

        caseload.setId("caseload");
        caseload.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        caseload.addComponentColumn(this::talent).setKey("talent").setHeader(getTranslation("caseload.talent"))
                .setFlexGrow(2);
        caseload.addComponentColumn(this::services).setKey("services").setHeader(getTranslation("caseload.services"))
                .setFlexGrow(2);
        caseload.addComponentColumn(this::visit).setKey("visit").setHeader(getTranslation("caseload.visit"));
        caseload.addComponentColumn(this::milestones).setKey("milestones")
                .setHeader(getTranslation("caseload.milestones"));
        caseload.setEmptyStateText(getTranslation("caseload.none"));
        caseload.setItems(query -> queries.query(new FindCaseloadPage(specialist.userId(), query.getOffset(),
                        query.getLimit()), ResponseTypes.multipleInstancesOf(CaseloadEntry.class)).join().stream(),
                query -> count(new CountCaseload(specialist.userId())));

        H3 unassignedTitle = new H3(getTranslation("caseload.unassigned"));
        unassigned.setId("unassigned-cases");
        unassigned.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        unassigned.addColumn(CaseloadEntry::candidateName).setHeader(getTranslation("caseload.talent"));
        unassigned.addColumn(c -> c.employerName() + " · " + c.post()).setHeader(getTranslation("caseload.post"))
                .setFlexGrow(2);
        unassigned.addColumn(c -> RetentionFormats.date(c.startDate(), getLocale()))
                .setHeader(getTranslation("retention.startDate"));
        unassigned.addComponentColumn(this::takeOver).setKey("take").setHeader(getTranslation("grid.actions"));
        unassigned.setEmptyStateText(getTranslation("caseload.unassignedNone"));
        unassigned.setItems(query -> queries.query(new FindUnassignedCases(query.getOffset(), query.getLimit()),
                        ResponseTypes.multipleInstancesOf(CaseloadEntry.class)).join().stream(),
                query -> count(new CountUnassignedCases()));
        add(title, caseload, unassignedTitle, unassigned);
    }

    private int count(Object query) {
        return queries.query(query, Long.class).join().intValue();
    }

    private Div talent(CaseloadEntry entry) {
        RouterLink name = new RouterLink(entry.candidateName(), RetentionCaseView.class,
                new RouteParameters(RetentionCaseView.CASE_ID, entry.caseId()));
        name.setId("case-" + entry.caseId());
        Span where = new Span(entry.employerName() + " · " + entry.post() + " · " + entry.county());
        where.addClassName("portal-muted");
        Div cell = new Div(name, new Div(where));
        if (entry.departed()) {
            Span departed = new Span(getTranslation("caseload.departed",
                    RetentionFormats.date(entry.departedOn(), getLocale())));
            departed.addClassName("portal-muted");
            cell.add(new Div(departed));
        }
        return cell;
    }

    private Div services(CaseloadEntry entry) {
        Div cell = new Div();
        if (!entry.openRequests().isEmpty()) {
            Span open = new Span(getTranslation("caseload.requested", labels(entry.openRequests().stream()
                    .map(r -> "serviceType." + r.type().name()))));
            open.addClassName("portal-due");
            cell.add(new Div(open));
        }
        if (!entry.servicesGranted().isEmpty()) {
            cell.add(new Div(new Span(getTranslation("caseload.granted", labels(entry.servicesGranted().stream()
                    .map(t -> "serviceType." + t.name()))))));
        }
        if (!entry.openProblems().isEmpty()) {
            Span problems = new Span(getTranslation("caseload.openProblems", String.join("、", entry.openProblems())));
            problems.addClassName("portal-problem");
            cell.add(new Div(problems));
        }
        return cell;
    }

    private String labels(Stream<String> keys) {
        return String.join(getLocale().getLanguage().equals("zh") ? "、" : ", ",
                keys.distinct().map(this::getTranslation).toList());
    }

    private Div visit(CaseloadEntry entry) {
        Div cell = new Div();
        if (entry.lastVisitOn() != null) {
            cell.add(new Div(new Span(getTranslation("caseload.lastVisit",
                    RetentionFormats.date(entry.lastVisitOn(), getLocale())))));
        }
        if (entry.nextVisitDue() != null) {
            cell.add(new Div(dated("caseload.nextVisit", entry.nextVisitDue())));
        }
        return cell;
    }

    private Div milestones(CaseloadEntry entry) {
        Div cell = new Div();
        if (!entry.milestonesReached().isEmpty()) {
            Span reached = new Span(getTranslation("caseload.milestonesReached",
                    String.join("/", entry.milestonesReached().stream().map(String::valueOf).toList())));
            reached.addClassName("portal-ok");
            cell.add(new Div(reached));
        }
        if (entry.nextMilestoneDue() != null) {
            cell.add(new Div(dated("caseload.nextMilestone", entry.nextMilestoneYears(), entry.nextMilestoneDue())));
        }
        return cell;
    }

    /** A date in the future is plain, one within {@value #DUE_WITHIN_DAYS} days due, one past overdue. */
    private Span dated(String key, Object... arguments) {
        LocalDate date = (LocalDate) arguments[arguments.length - 1];
        Object[] shown = arguments.clone();
        shown[shown.length - 1] = RetentionFormats.date(date, getLocale());
        LocalDate today = LocalDate.now(clock);
        Span span = new Span(getTranslation(key, shown));
        if (date.isBefore(today)) {
            span.setText(span.getText() + " · " + getTranslation("caseload.overdue"));
            span.addClassName("portal-overdue");
        } else if (!date.isAfter(today.plusDays(DUE_WITHIN_DAYS))) {
            span.setText(span.getText() + " · " + getTranslation("caseload.due"));
            span.addClassName("portal-due");
        }
        return span;
    }

    private Button takeOver(CaseloadEntry entry) {
        Button take = new Button(getTranslation("caseload.takeOver"), e -> {
            try {
                commands.send(new AssignServiceSpecialist(entry.caseId(), specialist.userId(),
                        specialist.displayName()));
                Notices.success("caseload.taken", entry.candidateName());
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
            // shown once the case is in this specialist's caseload
            ReadModels.awaitChange(() -> queries.query(new FindRetentionCase(entry.caseId()),
                            ResponseTypes.optionalInstanceOf(CaseloadEntry.class)).join(),
                    (Optional<CaseloadEntry> found) -> found.map(c -> c.specialistUserId() != null).orElse(true));
            caseload.getDataProvider().refreshAll();
            unassigned.getDataProvider().refreshAll();
        });
        take.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        take.setId("take-case-" + entry.caseId());
        return take;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("caseload.title") + " · " + getTranslation("app.name");
    }
}
