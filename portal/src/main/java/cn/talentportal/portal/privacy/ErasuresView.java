package cn.talentportal.portal.privacy;

import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.audit.CandidateLookup;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.candidate.CandidateSummary;
import cn.talentportal.projections.privacy.ErasureQueries.CountErasureRequests;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureRequests;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureSubject;
import cn.talentportal.projections.privacy.ErasureRequestView;
import cn.talentportal.projections.privacy.ErasureState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Administrators approve erasure requests (decision 0026), each with a reason; an administrator cannot approve a
 * request they made (the domain refuses it). Approving deletes the person's keys: it cannot be undone. A person
 * who asks in writing or at the counter has the request filed for them here, found by the exact ID number, phone or
 * email they gave; the administrator sees only their name before filing.
 */
@Route("privacy/erasures")
@RolesAllowed(Role.ADMIN_ROLE)
public class ErasuresView extends VerticalLayout implements HasDynamicTitle {

    private final Commands commands;
    private final QueryGateway queries;
    private final CandidateLookup lookup;
    private final Grid<ErasureRequestView> grid = new Grid<>();

    public ErasuresView(Commands commands, QueryGateway queries, CandidateLookup lookup) {
        this.commands = commands;
        this.queries = queries;
        this.lookup = lookup;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("erasures.title"));
        title.addClassName("portal-title");
        Paragraph explanation = new Paragraph(getTranslation("erasures.explanation"));

        grid.setId("erasure-requests");
        grid.addColumn(ErasureRequestView::subjectName).setHeader(getTranslation("erasures.subject"))
                .setKey("subject").setAutoWidth(true);
        grid.addColumn(ErasureRequestView::requestedByName).setHeader(getTranslation("erasures.requestedBy"))
                .setKey("requestedBy");
        grid.addColumn(ErasureRequestView::requestReason).setHeader(getTranslation("erasures.reason"))
                .setKey("reason");
        grid.addColumn(r -> PortalFormats.dateTime(r.requestedAt(), getLocale()))
                .setHeader(getTranslation("erasures.requestedAt")).setKey("requestedAt");
        grid.addComponentColumn(this::approveButton).setHeader(getTranslation("grid.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setItems(query -> queries.query(new FindErasureRequests(ErasureState.REQUESTED, query.getOffset(),
                        query.getLimit()), ResponseTypes.multipleInstancesOf(ErasureRequestView.class)).join().stream(),
                query -> Math.toIntExact(queries.query(new CountErasureRequests(ErasureState.REQUESTED),
                        Long.class).join()));
        Button onBehalf = new Button(getTranslation("erasures.onBehalf"), VaadinIcon.PLUS.create(),
                e -> openOnBehalf());
        onBehalf.setId("erasure-on-behalf");
        add(title, explanation, onBehalf, grid);
    }

    /** What the form for a request filed on someone's behalf holds. */
    static final class OnBehalf {
        String identifier = "";
        String reason = "";
    }

    private void openOnBehalf() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("erasures.onBehalf"));
        TextField identifier = new TextField(getTranslation("erasures.identifier"));
        identifier.setId("erasure-identifier");
        identifier.setHelperText(getTranslation("erasures.identifier.help"));
        identifier.setValueChangeMode(ValueChangeMode.LAZY);
        identifier.setMaxLength(100);
        identifier.setWidthFull();
        Paragraph subject = new Paragraph();
        subject.setId("erasure-subject");
        TextArea reason = new TextArea(getTranslation("erasures.reason"));
        reason.setId("erasure-on-behalf-reason");
        reason.setHelperText(getTranslation("erasures.onBehalf.reasonHelp"));
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setMaxLength(500);
        reason.setWidthFull();
        AtomicReference<CandidateSummary> found = new AtomicReference<>();
        Binder<OnBehalf> binder = new Binder<>();
        Binder.Binding<OnBehalf, String> identified = binder.forField(identifier)
                .asRequired(getTranslation("validation.required", getTranslation("erasures.identifier")))
                .withValidator(typed -> found.get() != null, getTranslation("erasures.identifier.notFound"))
                .bind(f -> f.identifier, (f, v) -> f.identifier = v);
        binder.forField(reason).asRequired(getTranslation("validation.required", getTranslation("erasures.reason")))
                .bind(f -> f.reason, (f, v) -> f.reason = v);
        OnBehalf form = new OnBehalf();
        binder.setBean(form);
        // the binder validated the field before this lookup ran: validate it again with the person found or not
        identifier.addValueChangeListener(e -> {
            found.set(lookup.holderOf(e.getValue()).flatMap(id -> queries.query(new FindErasureSubject(id),
                    ResponseTypes.optionalInstanceOf(CandidateSummary.class)).join()).orElse(null));
            subject.setText(found.get() == null ? "" : getTranslation("erasures.subjectFound",
                    found.get().fullName(), PortalFormats.dateTime(found.get().registeredAt(), getLocale())));
            identified.validate();
        });
        Button file = new Button(getTranslation("erasures.file"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            CandidateSummary person = found.get();
            try {
                commands.send(new RequestErasure(person.candidateId(), person.fullName(), form.reason.strip()),
                        form.reason.strip());
                dialog.close();
                Notices.success("erasures.filed", person.fullName());
                grid.getDataProvider().refreshAll();
            } catch (DomainRuleViolation refusal) {
                reason.setErrorMessage(Notices.reason(refusal));
                reason.setInvalid(true);
            }
        });
        file.setId("erasure-file");
        file.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("erasures.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("erasures.onBehalf.explain")), identifier, subject, reason);
        dialog.getFooter().add(cancel, file);
        dialog.open();
    }

    private Button approveButton(ErasureRequestView request) {
        Button approve = new Button(getTranslation("erasures.approve"), e -> openApproval(request));
        approve.setId("erasure-approve-" + request.subjectId());
        approve.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return approve;
    }

    /** What the approval form holds. */
    static final class Approval {
        String reason = "";
    }

    private void openApproval(ErasureRequestView request) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("erasures.approveTitle", request.subjectName()));
        TextArea reason = new TextArea(getTranslation("erasures.approvalReason"));
        reason.setId("erasure-approval-reason");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setMaxLength(500);
        reason.setWidthFull();
        Binder<Approval> binder = new Binder<>();
        Approval approval = new Approval();
        binder.forField(reason).asRequired(getTranslation("validation.required",
                        getTranslation("erasures.approvalReason")))
                .bind(a -> a.reason, (a, v) -> a.reason = v);
        binder.setBean(approval);
        Button confirm = new Button(getTranslation("erasures.confirm"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                commands.send(new ApproveErasure(request.subjectId(), approval.reason.strip()),
                        approval.reason.strip());
                dialog.close();
                Notices.success("erasures.approved", request.subjectName());
                grid.getDataProvider().refreshAll();
            } catch (DomainRuleViolation refusal) {
                reason.setErrorMessage(Notices.reason(refusal));
                reason.setInvalid(true);
            }
        });
        confirm.setId("erasure-approve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("erasures.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("erasures.irreversible")), reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("erasures.title") + " · " + getTranslation("app.name");
    }
}
