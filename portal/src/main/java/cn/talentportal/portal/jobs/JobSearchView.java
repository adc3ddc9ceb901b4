package cn.talentportal.portal.jobs;

import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.alerts.SaveSearchButton;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.shared.Towns;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import cn.talentportal.projections.search.SearchUnavailableException;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Job search for everyone, signed in or not: Chinese full text with highlighted matches, filters by sector and
 * town, and apply for signed-in candidates.
 */
@Route("jobs")
@AnonymousAllowed
public class JobSearchView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 10;

    private final QueryGateway queries;
    private final Commands commands;
    private final TextField text = new TextField();
    private final ComboBox<Sector> sector = new ComboBox<>();
    private final ComboBox<String> town = new ComboBox<>();
    private final Span summary = new Span();
    private final VerticalLayout results = new VerticalLayout();
    private final Button more = new Button();
    private int page;

    public JobSearchView(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("jobs.title"));
        title.addClassName("portal-title");

        text.setId("job-search-text");
        text.setPlaceholder(getTranslation("jobs.placeholder"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidthFull();
        text.addValueChangeListener(e -> search());
        sector.setId("job-search-sector");
        sector.setPlaceholder(getTranslation("jobs.allSectors"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation("sector." + s.name()));
        sector.setClearButtonVisible(true);
        sector.addValueChangeListener(e -> search());
        town.setId("job-search-town");
        town.setPlaceholder(getTranslation("jobs.allTowns"));
        town.setItems(Towns.ALL);
        town.setClearButtonVisible(true);
        town.addValueChangeListener(e -> search());

        HorizontalLayout filters = new HorizontalLayout(sector, town, new SaveSearchButton(commands,
                () -> new SearchCriteria(text.getValue(), sector.getValue(), town.getValue())));
        filters.setWrap(true);
        summary.setId("job-search-summary");
        summary.addClassName("portal-muted");
        results.setPadding(false);
        results.setId("job-search-results");
        more.setText(getTranslation("jobs.more"));
        more.addClickListener(e -> load(page + 1, false));
        more.setVisible(false);
        add(title, text, filters, summary, results, more);
        search();
    }

    private void search() {
        load(0, true);
    }

    private void load(int pageToLoad, boolean replace) {
        OpeningSearchResult result;
        try {
            result = queries.query(new SearchOpenings(text.getValue(), sector.getValue(), town.getValue(),
                    pageToLoad, PAGE_SIZE), OpeningSearchResult.class).join();
        } catch (CompletionException | QueryExecutionException | SearchUnavailableException e) {
            results.removeAll();
            summary.setText(getTranslation("search.unavailable"));
            more.setVisible(false);
            return;
        }
        page = pageToLoad;
        if (replace) {
            results.removeAll();
        }
        result.hits().forEach(hit -> results.add(card(hit)));
        summary.setText(getTranslation("jobs.found", result.total()));
        more.setVisible((long) (page + 1) * PAGE_SIZE < result.total());
    }

    private Div card(OpeningHit hit) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.getElement().setAttribute("data-opening-id", hit.openingId());
        // The engine escapes the text (HTML encoder) and only adds <em>: safe to render as HTML.
        Html title = new Html("<h3 style='margin:0'>" + hit.highlightedTitle() + "</h3>");
        Span salary = new Span(PortalFormats.salary(hit.salaryMin(), hit.salaryMax(), getLocale()));
        salary.addClassName("portal-salary");
        Span employer = new Span(hit.employerName() + " · " + hit.county() + " · "
                + getTranslation("sector." + hit.sector()) + " · " + getTranslation("education." + hit.education()));
        employer.addClassName("portal-muted");
        Div tags = new Div();
        hit.categories().forEach(c -> {
            Span tag = new Span(getTranslation("category." + c));
            tag.addClassName("portal-tag");
            tags.add(tag);
        });
        Html snippet = new Html("<div class='portal-muted'>" + hit.highlightedSnippet() + "</div>");
        HorizontalLayout head = new HorizontalLayout(title, salary);
        head.setWidthFull();
        head.setWrap(true);
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        card.add(head, employer, tags, snippet, applyButton(hit));
        return card;
    }

    private Button applyButton(OpeningHit hit) {
        Button apply = new Button(getTranslation("jobs.apply"));
        apply.addClassName("apply-button");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        apply.addClickListener(e -> {
            if (!CurrentUser.hasRole(Role.CANDIDATE)) {
                Notices.refused(new DomainRuleViolation("jobs.apply.loginAsCandidate"));
                return;
            }
            try {
                commands.send(new ApplyToOpening(CurrentUser.require().candidateId(), UUID.randomUUID().toString(),
                        hit.openingId()));
                apply.setEnabled(false);
                apply.setText(getTranslation("jobs.applied"));
                Notices.success("jobs.apply.done", hit.title());
            } catch (DomainRuleViolation refusal) {
                Notices.refused(refusal);
            }
        });
        return apply;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("jobs.title") + " · " + getTranslation("app.name");
    }
}
