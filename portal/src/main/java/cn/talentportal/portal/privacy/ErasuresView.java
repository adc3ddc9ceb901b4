package cn.talentportal.portal.privacy;

import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.privacy.ErasureQueries.CountErasureRequests;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureRequests;
import cn.talentportal.projections.privacy.ErasureRequestView;
import cn.talentportal.projections.privacy.ErasureState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Administrators approve erasure requests (decision 0026), each with a reason; an administrator cannot approve a
 * request they made (the domain refuses it). Approving deletes the person's keys: it cannot be undone.
 */
@Route("privacy/erasures")
@RolesAllowed(Role.ADMIN_ROLE)
public class ErasuresView extends VerticalLayout implements HasDynamicTitle {

    private final Commands commands;
    private final QueryGateway queries;
    private final Grid<ErasureRequestView> grid = new Grid<>();

    public ErasuresView(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
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
        add(title, explanation, grid);
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
