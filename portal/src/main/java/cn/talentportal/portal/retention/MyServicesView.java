package cn.talentportal.portal.retention;

import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.retention.ServiceRequestView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A placed talent's retention services: ask for one (a talent apartment, an allowance, a school place for a child,
 * the talent service card) and follow each request to its answer. Before placement there is no case yet, and the
 * page says the services start after placement.
 */
@Route("my-services")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyServicesView extends VerticalLayout implements HasDynamicTitle {

    private final QueryGateway queries;
    private final Commands commands;
    private final Grid<ServiceRequestView> requests = new Grid<>();

    /** What the talent types, bound to the form as they type. */
    static class RequestDraft {
        ServiceType type;
        String details;
    }

    public MyServicesView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("myServices.title"));
        title.addClassName("portal-title");
        add(title);
        List<CaseloadEntry> cases = queries.query(new FindCasesOfCandidate(CurrentUser.require().candidateId()),
                ResponseTypes.multipleInstancesOf(CaseloadEntry.class)).join();
        if (cases.isEmpty()) {
            Paragraph notYet = new Paragraph(getTranslation("myServices.afterPlacement"));
            notYet.setId("services-after-placement");
            add(notYet);
            return;
        }
        CaseloadEntry current = cases.getFirst(); // the latest placement is the one the talent serves in now
        Span post = new Span(getTranslation("myServices.post", current.employerName(), current.post(),
                RetentionFormats.date(current.startDate(), getLocale())));
        post.addClassName("portal-muted");
        add(new Div(post));
        if (current.departed()) {
            add(new Paragraph(getTranslation("myServices.departed",
                    RetentionFormats.date(current.departedOn(), getLocale()))));
        } else {
            add(new H3(getTranslation("myServices.request")), requestForm(current));
        }

        requests.setId("my-service-requests");
        requests.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long texts wrap on a phone
        requests.addColumn(r -> getTranslation("serviceType." + r.type().name()))
                .setHeader(getTranslation("retention.serviceType"));
        requests.addColumn(r -> PortalFormats.dateTime(r.requestedAt(), getLocale()))
                .setHeader(getTranslation("myServices.requestedAt"));
        requests.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("myServices.status"))
                .setFlexGrow(2);
        requests.setEmptyStateText(getTranslation("myServices.none"));
        requests.setAllRowsVisible(true);
        add(new H3(getTranslation("myServices.requests")), requests);
        requests.setItems(requestsOf(current));
    }

    private FormLayout requestForm(CaseloadEntry current) {
        Binder<RequestDraft> binder = new Binder<>();
        Select<ServiceType> type = new Select<>();
        type.setLabel(getTranslation("retention.serviceType"));
        type.setId("service-type");
        type.setItems(ServiceType.values());
        type.setItemLabelGenerator(t -> getTranslation("serviceType." + t.name()));
        binder.forField(type).asRequired(getTranslation("validation.required",
                getTranslation("retention.serviceType"))).bind(d -> d.type, (d, v) -> d.type = v);
        TextArea details = new TextArea(getTranslation("retention.details"));
        details.setId("service-details");
        details.setMaxLength(1000);
        details.setHelperText(getTranslation("myServices.detailsHelp"));
        binder.forField(details).bind(d -> d.details, (d, v) -> d.details = v);
        binder.setBean(new RequestDraft());
        Button submit = new Button(getTranslation("myServices.submit"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            RequestDraft draft = binder.getBean();
            String requestId = UUID.randomUUID().toString();
            try {
                commands.send(new RequestRetentionService(current.caseId(), requestId, draft.type,
                        draft.details == null || draft.details.isBlank() ? null : draft.details.strip()));
                Notices.success("myServices.requested", getTranslation("serviceType." + draft.type.name()));
                binder.setBean(new RequestDraft());
                requests.setItems(ReadModels.awaitChange(() -> requestsOf(current),
                        list -> list.stream().anyMatch(r -> r.requestId().equals(requestId))));
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        submit.setId("service-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(type, details, submit);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(details, 2);
        return form;
    }

    private Span status(ServiceRequestView request) {
        Span status = new Span(getTranslation("requestStatus." + request.status().name())
                + (request.answerKey() == null ? ""
                : " · " + RetentionFormats.answer(UI.getCurrent(), request.answerKey(), request.answerArguments())));
        status.setId("my-request-status-" + request.requestId());
        status.addClassName(switch (request.status()) {
            case OPEN -> "portal-muted";
            case GRANTED -> "portal-ok";
            case REFUSED -> "portal-problem";
        });
        return status;
    }

    private List<ServiceRequestView> requestsOf(CaseloadEntry current) {
        return queries.query(new FindServiceRequests(current.caseId()),
                ResponseTypes.multipleInstancesOf(ServiceRequestView.class)).join();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myServices.title") + " · " + getTranslation("app.name");
    }
}
