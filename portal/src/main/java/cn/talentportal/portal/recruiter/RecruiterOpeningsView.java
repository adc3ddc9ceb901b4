package cn.talentportal.portal.recruiter;

import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.ReadModels;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.employer.EmployerUnitView;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import cn.talentportal.projections.opening.OpeningView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** A recruiter's openings: write one, publish it, close it with a reason. Only their own unit's openings. */
@Route("recruiter/openings")
@RolesAllowed(Role.RECRUITER_ROLE)
public class RecruiterOpeningsView extends VerticalLayout implements HasDynamicTitle {

    private final Commands commands;
    private final QueryGateway queries;
    private final UserAccount recruiter = CurrentUser.require();
    private final Grid<OpeningView> grid = new Grid<>();
    private final Towns towns;
    private OpeningForm form;
    private final Details formSection;

    public RecruiterOpeningsView(Commands commands, QueryGateway queries, Towns towns) {
        this.towns = towns;
        this.form = new OpeningForm(towns);
        this.commands = commands;
        this.queries = queries;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("recruiterOpenings.title"));
        title.addClassName("portal-title");

        Button saveDraft = new Button(getTranslation("recruiterOpenings.saveDraft"), e -> submit(false));
        saveDraft.setId("opening-save-draft");
        Button publish = new Button(getTranslation("recruiterOpenings.publish"), e -> submit(true));
        publish.setId("opening-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout formContent = new VerticalLayout(form, new HorizontalLayout(saveDraft, publish));
        formContent.setPadding(false);
        formSection = new Details(getTranslation("recruiterOpenings.new"), formContent);
        formSection.setOpened(true);
        formSection.setId("new-opening");

        grid.setId("recruiter-openings");
        grid.addColumn(o -> o.details().title()).setHeader(getTranslation("opening.title")).setFlexGrow(2);
        grid.addColumn(o -> towns.label(o.details().county(), getLocale())).setHeader(getTranslation("opening.county"));
        grid.addColumn(o -> getTranslation("status." + o.status().name())).setHeader(getTranslation("opening.status"));
        grid.addColumn(o -> PortalFormats.dateTime(o.publishedAt(), getLocale()))
                .setHeader(getTranslation("opening.publishedAt")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("grid.actions"));
        grid.setEmptyStateText(getTranslation("recruiterOpenings.none"));
        add(title, formSection, grid);
        refresh();
    }

    private void submit(boolean publishNow) {
        String openingId = UUID.randomUUID().toString();
        boolean drafted = false;
        try {
            OpeningDetails details = form.details();
            if (publishNow && !details.missingForPublication().isEmpty()) {
                // the rule the aggregate applies, checked first so a refused publication leaves no draft behind
                throw new DomainRuleViolation("opening.publish.missingFields",
                        String.join(",", details.missingForPublication()));
            }
            commands.send(new DraftOpening(openingId, recruiter.employerUnitId(), employerName(), details));
            drafted = true;
            if (publishNow) {
                commands.send(new PublishOpening(openingId));
            }
            Notices.success(publishNow ? "recruiterOpenings.published" : "recruiterOpenings.drafted",
                    form.title.getValue());
            replaceForm();
            refreshUntil(openingId, publishNow ? OpeningStatus.PUBLISHED : OpeningStatus.DRAFT);
        } catch (DomainRuleViolation refusal) {
            Notices.refused(refusal);
            // the form keeps its values; a draft saved before a later refusal shows in the list
            if (drafted) {
                refreshUntil(openingId, OpeningStatus.DRAFT);
            }
        }
    }

    private void replaceForm() {
        VerticalLayout content = (VerticalLayout) form.getParent().orElseThrow();
        OpeningForm fresh = new OpeningForm(towns);
        content.replace(form, fresh);
        form = fresh;
    }

    private String employerName() {
        return queries.query(new FindEmployerUnit(recruiter.employerUnitId()),
                        ResponseTypes.optionalInstanceOf(EmployerUnitView.class)).join()
                .map(EmployerUnitView::name)
                .orElseThrow(() -> new DomainRuleViolation("recruiter.noEmployerUnit"));
    }

    private HorizontalLayout actions(OpeningView opening) {
        HorizontalLayout actions = new HorizontalLayout();
        RouterLink pipeline = new RouterLink(getTranslation("recruiterOpenings.pipeline"), OpeningPipelineView.class,
                new RouteParameters(OpeningPipelineView.OPENING_ID, opening.openingId()));
        pipeline.setId("pipeline-" + opening.openingId());
        actions.add(pipeline);
        if (opening.status() == OpeningStatus.DRAFT) {
            Button publish = new Button(getTranslation("recruiterOpenings.publish"), e -> {
                try {
                    commands.send(new PublishOpening(opening.openingId()));
                    Notices.success("recruiterOpenings.published", opening.details().title());
                    refreshUntil(opening.openingId(), OpeningStatus.PUBLISHED);
                } catch (DomainRuleViolation refusal) {
                    Notices.refused(refusal);
                }
            });
            publish.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(publish);
        }
        if (opening.status() != OpeningStatus.CLOSED) {
            Button close = new Button(getTranslation("recruiterOpenings.close"), e -> askReasonAndClose(opening));
            close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(close);
        }
        return actions;
    }

    private void askReasonAndClose(OpeningView opening) {
        TextArea reason = new TextArea(getTranslation("opening.closeReason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("recruiterOpenings.closeTitle", opening.details().title()));
        dialog.add(reason);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("recruiterOpenings.close"));
        dialog.setCloseOnEsc(true);
        dialog.addConfirmListener(e -> {
            try {
                commands.send(new CloseOpening(opening.openingId(), reason.getValue()), reason.getValue());
                Notices.success("recruiterOpenings.closed", opening.details().title());
                refreshUntil(opening.openingId(), OpeningStatus.CLOSED);
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        dialog.open();
    }

    private void refresh() {
        grid.setItems(openings());
    }

    /** Shows the list once this user's own change has reached the read model, which follows the store. */
    private void refreshUntil(String openingId, OpeningStatus status) {
        grid.setItems(ReadModels.awaitChange(this::openings, openings -> openings.stream()
                .anyMatch(o -> o.openingId().equals(openingId) && o.status() == status)));
    }

    private List<OpeningView> openings() {
        return queries.query(new FindOpeningsOfEmployer(recruiter.employerUnitId()),
                ResponseTypes.multipleInstancesOf(OpeningView.class)).join();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recruiterOpenings.title") + " · " + getTranslation("app.name");
    }
}
