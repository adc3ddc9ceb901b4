package cn.talentportal.portal.privacy;

import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureOf;
import cn.talentportal.projections.privacy.ErasureRequestView;
import cn.talentportal.projections.privacy.ErasureState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A candidate asks for their personal data to be erased (PIPL): what is erased, what is kept for statistics, and
 * that an administrator approves it. Shows where their request stands.
 */
@Route("privacy/my-data")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyDataView extends VerticalLayout implements HasDynamicTitle {

    private final Commands commands;
    private final QueryGateway queries;
    private final UserAccount candidate = CurrentUser.require();
    private final Paragraph status = new Paragraph();
    private final VerticalLayout requestForm = new VerticalLayout();

    /** What the request form holds. */
    static final class Request {
        String reason = "";
    }

    public MyDataView(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("myData.title"));
        title.addClassName("portal-title");
        status.setId("my-data-status");

        TextArea reason = new TextArea(getTranslation("myData.reason"));
        reason.setId("my-data-reason");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setMaxLength(500);
        reason.setWidthFull();
        Request request = new Request();
        Binder<Request> binder = new Binder<>();
        binder.forField(reason).asRequired(getTranslation("validation.required", getTranslation("myData.reason")))
                .bind(r -> r.reason, (r, v) -> r.reason = v);
        binder.setBean(request);
        Button submit = new Button(getTranslation("myData.request"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                commands.send(new RequestErasure(candidate.candidateId(), candidate.displayName(),
                        request.reason.strip()), request.reason.strip());
                Notices.success("myData.requested");
                requestForm.setVisible(false);
                status.setText(getTranslation("myData.status.REQUESTED"));
                status.setVisible(true);
            } catch (DomainRuleViolation refusal) {
                reason.setErrorMessage(Notices.reason(refusal));
                reason.setInvalid(true);
            }
        });
        submit.setId("my-data-request");
        submit.addThemeVariants(ButtonVariant.LUMO_ERROR);
        requestForm.setPadding(false);
        requestForm.add(reason, submit);

        add(title, new Paragraph(getTranslation("myData.erased")), new Paragraph(getTranslation("myData.kept")),
                new Paragraph(getTranslation("myData.approval")), status, requestForm);
        showState();
    }

    private void showState() {
        Optional<ErasureRequestView> erasure = queries.query(new FindErasureOf(candidate.candidateId()),
                ResponseTypes.optionalInstanceOf(ErasureRequestView.class)).join();
        requestForm.setVisible(erasure.isEmpty());
        status.setVisible(erasure.isPresent());
        erasure.ifPresent(e -> status.setText(e.state() == ErasureState.ERASED
                ? getTranslation("myData.status.ERASED", PortalFormats.dateTime(e.erasedAt(), getLocale()))
                : getTranslation("myData.status.REQUESTED")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myData.title") + " · " + getTranslation("app.name");
    }
}
