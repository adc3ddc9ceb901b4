package cn.talentportal.portal.alerts;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The opening a job alert names, as it is now (it may have been edited, paused or closed since), with apply while
 * it is published.
 */
@Route("alerts/opening/:openingId")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class AlertOpeningView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String OPENING_ID = "openingId";

    private final QueryGateway queries;
    private final Commands commands;
    private String title = "";

    public AlertOpeningView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String openingId = event.getRouteParameters().get(OPENING_ID).orElse("");
        Optional<OpeningView> opening = queries.query(new FindOpening(openingId),
                ResponseTypes.optionalInstanceOf(OpeningView.class)).join();
        opening.ifPresentOrElse(this::show, () -> add(new Paragraph(getTranslation("alerts.opening.notFound"))));
    }

    private void show(OpeningView opening) {
        OpeningDetails d = opening.details();
        title = d.title();
        H2 heading = new H2(d.title());
        heading.addClassName("portal-title");
        Div card = new Div();
        card.addClassName("portal-card");
        card.setId("alert-opening");
        Span salary = new Span(PortalFormats.salary(d.salaryMin(), d.salaryMax(), getLocale()));
        salary.addClassName("portal-salary");
        Span where = new Span(opening.employerName() + " · " + (d.county() == null ? "" : d.county() + " · ")
                + (d.sector() == null ? "" : getTranslation("sector." + d.sector().name())));
        where.addClassName("portal-muted");
        Span status = new Span(getTranslation("status." + opening.status().name()));
        status.addClassName("portal-tag");
        card.add(new Div(salary), new Div(where), new Div(status),
                new Paragraph(d.description() == null ? "" : d.description()));
        if (d.applicationDeadline() != null) {
            card.add(new Div(new Span(getTranslation("alerts.opening.deadline", d.applicationDeadline()))));
        }
        Button apply = new Button(getTranslation("jobs.apply"));
        apply.setId("alert-opening-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            try {
                commands.send(new ApplyToOpening(CurrentUser.require().candidateId(), UUID.randomUUID().toString(),
                        opening.openingId()));
                apply.setEnabled(false);
                apply.setText(getTranslation("jobs.applied"));
                Notices.success("jobs.apply.done", d.title());
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        add(heading, card, apply);
    }

    @Override
    public String getPageTitle() {
        return (title.isEmpty() ? getTranslation("alerts.title") : title) + " · " + getTranslation("app.name");
    }
}
