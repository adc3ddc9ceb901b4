package cn.talentportal.portal.jobs;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningView;
import cn.talentportal.projections.search.SearchQueries.FindSimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.SimilarOpenings;
import cn.talentportal.projections.search.SearchUnavailableException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One opening for everyone, signed in or not: what it offers and asks, similar openings, and apply. A visitor who
 * applies is sent to sign in through {@link ApplyToOpeningRoute}, a candidate-only address, so the router's own
 * saved-request handling brings them back here afterwards. Drafts and unknown ids read as not found; a paused,
 * filled or closed opening says it takes no applications.
 */
@Route("jobs/:" + OpeningPage.OPENING_ID)
@AnonymousAllowed
public class OpeningPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String OPENING_ID = "openingId";
    static final int SIMILAR = 4;

    private final QueryGateway queries;
    private final Commands commands;
    private final Towns towns;
    private String title = "";

    public OpeningPage(QueryGateway queries, Commands commands, Towns towns) {
        this.queries = queries;
        this.commands = commands;
        this.towns = towns;
        addClassName("portal-page");
    }

    static RouteParameters parameters(String openingId) {
        return new RouteParameters(OPENING_ID, openingId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        title = "";
        String openingId = event.getRouteParameters().get(OPENING_ID).orElse("");
        Optional<OpeningView> opening = queries.query(new FindOpening(openingId),
                ResponseTypes.optionalInstanceOf(OpeningView.class)).join()
                .filter(o -> o.status() != OpeningStatus.DRAFT); // a draft is the recruiter's, not yet public
        opening.ifPresentOrElse(this::show, () -> {
            Paragraph notFound = new Paragraph(getTranslation("opening.page.notFound"));
            notFound.setId("opening-not-found");
            add(notFound, new RouterLink(getTranslation("opening.page.backToSearch"), JobSearchView.class));
        });
    }

    private void show(OpeningView opening) {
        OpeningDetails d = opening.details();
        title = d.title();
        H2 heading = new H2(d.title());
        heading.setId("opening-title");
        heading.addClassName("portal-title");
        add(heading);
        if (opening.status() != OpeningStatus.PUBLISHED) {
            Paragraph closed = new Paragraph(getTranslation("opening.page.notAccepting",
                    getTranslation("status." + opening.status().name())));
            closed.setId("opening-closed");
            closed.addClassName("portal-problem");
            add(closed);
        }
        add(details(opening));
        if (opening.status() == OpeningStatus.PUBLISHED) {
            add(applyButton(opening));
        }
        add(similar(opening.openingId()));
    }

    private Div details(OpeningView opening) {
        OpeningDetails d = opening.details();
        Div card = new Div();
        card.setId("opening-page");
        card.addClassName("portal-card");
        String salary = PortalFormats.salary(d.salaryMin(), d.salaryMax(), getLocale());
        Span pay = new Span(salary.isEmpty() ? getTranslation("opening.page.salaryNegotiable") : salary);
        pay.addClassName("portal-salary");
        Span where = new Span(String.join(" · ", opening.employerName(), orBlank(towns.label(d.county(), getLocale())),
                d.sector() == null ? "" : getTranslation("sector." + d.sector().name())));
        where.addClassName("portal-muted");
        Div tags = new Div();
        d.categories().stream().sorted().forEach(c -> {
            Span tag = new Span(getTranslation("category." + c.name()));
            tag.addClassName("portal-tag");
            tags.add(tag);
        });
        Div requirements = new Div();
        requirements.addClassName("portal-fields");
        requirements.setId("opening-requirements");
        field(requirements, "opening.employer", opening.employerName());
        field(requirements, "opening.county", towns.label(d.county(), getLocale()));
        field(requirements, "opening.education",
                d.educationRequired() == null ? null : getTranslation("education." + d.educationRequired().name()));
        field(requirements, "opening.major", d.majorRequired());
        field(requirements, "opening.headcount", d.headcount() > 0 ? String.valueOf(d.headcount()) : null);
        field(requirements, "opening.deadline", d.applicationDeadline() == null ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                        .format(d.applicationDeadline()));
        field(requirements, "opening.publishedAt", opening.publishedAt() == null ? null
                : PortalFormats.dateTime(opening.publishedAt(), getLocale()));
        H3 descriptionHeading = new H3(getTranslation("opening.description"));
        Paragraph description = new Paragraph(orBlank(d.description()));
        description.setId("opening-description");
        description.addClassName("portal-prewrap");
        card.add(new Div(pay), new Div(where), tags, requirements, descriptionHeading, description);
        return card;
    }

    private void field(Div list, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            list.add(new Span(getTranslation(labelKey)), new Span(value));
        }
    }

    private Button applyButton(OpeningView opening) {
        Button apply = new Button(getTranslation("jobs.apply"));
        apply.setId("opening-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (alreadyApplied(opening.openingId())) {
            applied(apply);
        }
        apply.addClickListener(e -> {
            if (CurrentUser.account().isEmpty()) {
                // a candidate-only address: the router sends the visitor to sign in and back here
                apply.getUI().ifPresent(ui -> ui.navigate(ApplyToOpeningRoute.class, parameters(opening.openingId())));
                return;
            }
            if (!CurrentUser.hasRole(Role.CANDIDATE)) {
                Notices.refused(new DomainRuleViolation("jobs.apply.loginAsCandidate"));
                return;
            }
            try {
                commands.send(new ApplyToOpening(CurrentUser.require().candidateId(), UUID.randomUUID().toString(),
                        opening.openingId()));
                applied(apply);
                Notices.success("jobs.apply.done", opening.details().title());
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        return apply;
    }

    private boolean alreadyApplied(String openingId) {
        if (!CurrentUser.hasRole(Role.CANDIDATE) || CurrentUser.require().candidateId() == null) {
            return false;
        }
        return queries.query(new FindApplicationsOfCandidate(CurrentUser.require().candidateId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join().stream()
                .anyMatch(application -> application.openingId().equals(openingId));
    }

    private void applied(Button apply) {
        apply.setEnabled(false);
        apply.setText(getTranslation("jobs.applied"));
    }

    private Div similar(String openingId) {
        Div similar = new Div();
        similar.setId("opening-similar");
        similar.add(new H3(getTranslation("jobs.similar")));
        try {
            var hits = queries.query(new FindSimilarOpenings(openingId, SIMILAR), SimilarOpenings.class).join().hits();
            if (hits.isEmpty()) {
                similar.add(new Span(getTranslation("jobs.similar.none")));
            }
            hits.forEach(hit -> similar.add(similarCard(hit)));
        } catch (CompletionException | QueryExecutionException | SearchUnavailableException e) {
            similar.add(new Span(getTranslation("search.unavailable")));
        }
        return similar;
    }

    private Div similarCard(OpeningHit hit) {
        RouterLink link = new RouterLink(hit.title(), OpeningPage.class, parameters(hit.openingId()));
        link.addClassName("similar-opening");
        Span where = new Span(hit.employerName() + " · " + towns.label(hit.county(), getLocale()) + " · "
                + PortalFormats.salary(hit.salaryMin(), hit.salaryMax(), getLocale()));
        where.addClassName("portal-muted");
        Div card = new Div(new Div(link), where);
        card.addClassName("portal-similar");
        card.getElement().setAttribute("data-opening-id", hit.openingId());
        return card;
    }

    private static String orBlank(String text) {
        return text == null ? "" : text;
    }

    @Override
    public String getPageTitle() {
        return (title.isEmpty() ? getTranslation("jobs.title") : title) + " · " + getTranslation("app.name");
    }
}
