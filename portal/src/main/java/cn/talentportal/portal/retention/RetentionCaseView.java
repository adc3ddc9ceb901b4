package cn.talentportal.portal.retention;

import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.NotYours;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.retention.AllowancePolicyView;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.FollowUpVisitView;
import cn.talentportal.projections.retention.RetentionQueries.FindAllowancePolicies;
import cn.talentportal.projections.retention.RetentionQueries.FindFollowUpVisits;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.retention.ServiceRequestStatus;
import cn.talentportal.projections.retention.ServiceRequestView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One talent's retention case for the specialist who follows it: the services asked for, answered here (granted
 * with the form each needs, or refused with a reason), and the follow-up visits, recorded here. Another
 * specialist's case, or an unknown id, is not shown.
 */
@Route("retention/case/:caseId")
@RolesAllowed(Role.SPECIALIST_ROLE)
public class RetentionCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CASE_ID = "caseId";

    private final QueryGateway queries;
    private final Commands commands;
    private final Clock clock;
    private final UserAccount specialist = CurrentUser.require();
    private final Grid<ServiceRequestView> requests = new Grid<>();
    private final Grid<FollowUpVisitView> visits = new Grid<>();
    private final Div facts = new Div();
    private CaseloadEntry retentionCase;

    public RetentionCaseView(QueryGateway queries, Commands commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("retentionCase.back"), CaseloadView.class);
        back.setId("case-back");
        add(back);
        Optional<CaseloadEntry> found = findCase(event.getRouteParameters().get(CASE_ID).orElse(""))
                .filter(c -> specialist.userId().equals(c.specialistUserId()));
        if (found.isEmpty()) {
            Paragraph notFound = new Paragraph(getTranslation("retentionCase.notFound"));
            notFound.setId("case-not-found");
            add(notFound);
            return;
        }
        retentionCase = found.get();
        H2 title = new H2(retentionCase.candidateName());
        title.addClassName("portal-title");
        title.setId("case-talent");
        facts.addClassName("portal-fields");
        showFacts();

        requests.setId("case-requests");
        requests.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        requests.addColumn(r -> getTranslation("serviceType." + r.type().name()))
                .setHeader(getTranslation("retention.serviceType"));
        requests.addColumn(ServiceRequestView::details).setHeader(getTranslation("retention.details")).setFlexGrow(2);
        requests.addColumn(r -> PortalFormats.dateTime(r.requestedAt(), getLocale()))
                .setHeader(getTranslation("myServices.requestedAt"));
        requests.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("myServices.status"))
                .setFlexGrow(2);
        requests.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("grid.actions"))
                .setAutoWidth(true);
        requests.setEmptyStateText(getTranslation("retentionCase.noRequests"));
        requests.setAllRowsVisible(true);

        visits.setId("case-visits");
        visits.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        visits.addColumn(v -> RetentionFormats.date(v.visitedOn(), getLocale()))
                .setHeader(getTranslation("retention.visitedOn"));
        visits.addColumn(FollowUpVisitView::visitorName).setHeader(getTranslation("retention.visitor"));
        visits.addColumn(FollowUpVisitView::notes).setHeader(getTranslation("retention.visitNotes")).setFlexGrow(2);
        visits.addColumn(v -> String.join("、", v.problemsRaised())).setHeader(getTranslation("retention.problem"))
                .setFlexGrow(2);
        visits.setEmptyStateText(getTranslation("retentionCase.noVisits"));
        visits.setAllRowsVisible(true);

        add(title, facts, new H3(getTranslation("retentionCase.requests")), requests,
                new H3(getTranslation("retentionCase.visits")), visitForm(), visits);
        requests.setItems(serviceRequests());
        visits.setItems(followUpVisits());
    }

    private Optional<CaseloadEntry> findCase(String caseId) {
        return caseId.isBlank() ? Optional.empty() : NotYours.asNotFound(() -> queries.query(
                new FindRetentionCase(caseId), ResponseTypes.optionalInstanceOf(CaseloadEntry.class)).join());
    }

    private void showFacts() {
        facts.removeAll();
        field("retention.employer", retentionCase.employerName());
        field("retention.post", retentionCase.post());
        field("retention.county", retentionCase.county());
        field("retention.startDate", RetentionFormats.date(retentionCase.startDate(), getLocale()));
        field("retention.signedOn", RetentionFormats.date(retentionCase.signedOn(), getLocale()));
        field("retention.apartment", retentionCase.apartment() == null ? "—" : retentionCase.apartment());
        if (retentionCase.departed()) {
            field("retention.departedOn", RetentionFormats.date(retentionCase.departedOn(), getLocale()));
        }
    }

    private void field(String key, String value) {
        Span shown = new Span(value == null ? "" : value);
        facts.add(new Span(getTranslation(key)), shown);
    }

    private Span status(ServiceRequestView request) {
        Span status = new Span(getTranslation("requestStatus." + request.status().name())
                + (request.answerKey() == null ? ""
                : " · " + RetentionFormats.answer(UI.getCurrent(), request.answerKey(), request.answerArguments())));
        status.setId("request-status-" + request.requestId());
        status.addClassName(switch (request.status()) {
            case OPEN -> "portal-due";
            case GRANTED -> "portal-ok";
            case REFUSED -> "portal-problem";
        });
        return status;
    }

    private HorizontalLayout actions(ServiceRequestView request) {
        HorizontalLayout actions = new HorizontalLayout();
        if (request.status() != ServiceRequestStatus.OPEN || retentionCase.departed()) {
            return actions;
        }
        Button grant = new Button(getTranslation("retentionCase.grant"), e -> ServiceAnswerDialog.grant(request,
                retentionCase, policies(), LocalDate.now(clock), this::send, () -> answered(request)).open());
        grant.setId("grant-" + request.requestId());
        grant.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button refuse = new Button(getTranslation("retentionCase.refuse"), e -> ServiceAnswerDialog.refuse(request,
                retentionCase, this::send, () -> answered(request)).open());
        refuse.setId("refuse-" + request.requestId());
        refuse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        actions.add(grant, refuse);
        return actions;
    }

    private void send(Object command, String reason) {
        if (reason == null) {
            commands.send(command);
        } else {
            commands.send(command, reason);
        }
    }

    /** Shows the answer once the read model has it, and the case's facts (an apartment) with it. */
    private void answered(ServiceRequestView request) {
        Notices.success("retentionCase.answered", getTranslation("serviceType." + request.type().name()),
                retentionCase.candidateName());
        requests.setItems(ReadModels.awaitChange(this::serviceRequests, list -> list.stream()
                .noneMatch(r -> r.requestId().equals(request.requestId())
                        && r.status() == ServiceRequestStatus.OPEN)));
        findCase(retentionCase.caseId()).ifPresent(updated -> {
            retentionCase = updated;
            showFacts();
        });
    }

    private FormLayout visitForm() {
        Binder<VisitDraft> binder = new Binder<>();
        DatePicker visitedOn = new DatePicker(getTranslation("retention.visitedOn"), LocalDate.now(clock));
        visitedOn.setId("visit-date");
        visitedOn.setMax(LocalDate.now(clock));
        binder.forField(visitedOn).asRequired(required("retention.visitedOn"))
                .withValidator(d -> !d.isAfter(LocalDate.now(clock)),
                        getTranslation("retention.date.inFuture", getTranslation("retention.visitedOn")))
                .bind(d -> d.visitedOn, (d, v) -> d.visitedOn = v);
        TextArea notes = new TextArea(getTranslation("retention.visitNotes"));
        notes.setId("visit-notes");
        notes.setMaxLength(2000);
        binder.forField(notes).asRequired(required("retention.visitNotes")).bind(d -> d.notes, (d, v) -> d.notes = v);
        TextArea problems = new TextArea(getTranslation("retentionCase.problems"));
        problems.setId("visit-problems");
        problems.setHelperText(getTranslation("retentionCase.problemsHelp"));
        binder.forField(problems)
                .withValidator(text -> problemLines(text).stream().allMatch(p -> p.length() <= 200),
                        getTranslation("validation.tooLong", getTranslation("retention.problem"), 200))
                .bind(d -> d.problems, (d, v) -> d.problems = v);
        binder.setBean(freshVisit());
        Button record = new Button(getTranslation("retentionCase.recordVisit"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            String visitId = UUID.randomUUID().toString();
            VisitDraft draft = binder.getBean();
            try {
                commands.send(new RecordFollowUpVisit(retentionCase.caseId(), visitId, specialist.userId(),
                        specialist.displayName(), draft.visitedOn, draft.notes.strip(), problemLines(draft.problems)));
                Notices.success("retentionCase.visitRecorded", retentionCase.candidateName());
                binder.setBean(freshVisit()); // an empty form for the next visit, not shown in error
                visits.setItems(ReadModels.awaitChange(this::followUpVisits,
                        list -> list.stream().anyMatch(v -> v.visitId().equals(visitId))));
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        record.setId("visit-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(visitedOn, notes, problems, record);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(notes, 2);
        return form;
    }

    private VisitDraft freshVisit() {
        VisitDraft draft = new VisitDraft();
        draft.visitedOn = LocalDate.now(clock);
        return draft;
    }

    private static List<String> problemLines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private String required(String fieldKey) {
        return getTranslation("validation.required", getTranslation(fieldKey));
    }

    private List<ServiceRequestView> serviceRequests() {
        return queries.query(new FindServiceRequests(retentionCase.caseId()),
                ResponseTypes.multipleInstancesOf(ServiceRequestView.class)).join();
    }

    private List<FollowUpVisitView> followUpVisits() {
        return queries.query(new FindFollowUpVisits(retentionCase.caseId()),
                ResponseTypes.multipleInstancesOf(FollowUpVisitView.class)).join();
    }

    private List<AllowancePolicyView> policies() {
        return queries.query(new FindAllowancePolicies(),
                ResponseTypes.multipleInstancesOf(AllowancePolicyView.class)).join();
    }

    @Override
    public String getPageTitle() {
        return (retentionCase == null ? "" : retentionCase.candidateName() + " · ")
                + getTranslation("caseload.title") + " · " + getTranslation("app.name");
    }
}
