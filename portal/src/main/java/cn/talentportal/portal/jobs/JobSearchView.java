package cn.talentportal.portal.jobs;

import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.alerts.SaveSearchButton;
import cn.talentportal.portal.reference.Towns;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.Notices;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.search.SearchQueries.CandidateHometown;
import cn.talentportal.projections.search.SearchQueries.FindCandidateHometown;
import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.FindSimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningFilters;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.OpeningSort;
import cn.talentportal.projections.search.SearchQueries.OpeningSuggestions;
import cn.talentportal.projections.search.SearchQueries.PostedWithin;
import cn.talentportal.projections.search.SearchQueries.SalaryBand;
import cn.talentportal.projections.search.SearchQueries.SimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.SuggestOpenings;
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
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Job search for everyone, signed in or not: Chinese full text with highlighted matches and suggestions as one
 * types, facet filters showing how many openings each value gives, sorts, "load more" by cursor, similar openings
 * on each card, and apply for signed-in candidates. A signed-in candidate sees openings of their hometown first.
 * Each title leads to the opening's own page ({@link OpeningPage}).
 */
@Route("jobs")
@AnonymousAllowed
public class JobSearchView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 10;
    static final int SUGGESTIONS = 6;
    static final int SIMILAR = 4;

    private final QueryGateway queries;
    private final Commands commands;
    private final Towns towns;
    private final TextField text = new TextField();
    private final Div suggestions = new Div();
    private final ComboBox<Sector> sector = new ComboBox<>();
    private final ComboBox<String> town = new ComboBox<>();
    private final ComboBox<EmployerType> employerType = new ComboBox<>();
    private final ComboBox<Education> education = new ComboBox<>();
    private final ComboBox<TalentCategory> category = new ComboBox<>();
    private final ComboBox<SalaryBand> salary = new ComboBox<>();
    private final ComboBox<PostedWithin> posted = new ComboBox<>();
    private final ComboBox<OpeningSort> sort = new ComboBox<>();
    private final Span summary = new Span();
    private final Span hometownNote = new Span();
    private final VerticalLayout results = new VerticalLayout();
    private final Button more = new Button();
    private final String hometown;
    private Map<String, Map<String, Long>> facets = Map.of();
    private FindOpenings lastQuery;
    private String nextCursor;

    public JobSearchView(QueryGateway queries, Commands commands, Towns towns) {
        this.towns = towns;
        this.queries = queries;
        this.commands = commands;
        this.hometown = hometownOfSignedInCandidate();
        addClassName("portal-page");
        H2 title = new H2(getTranslation("jobs.title"));
        title.addClassName("portal-title");

        text.setId("job-search-text");
        text.setPlaceholder(getTranslation("jobs.placeholder"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidthFull();
        text.addValueChangeListener(e -> {
            search();
            suggest(e.isFromClient() ? e.getValue() : "");
        });
        suggestions.setId("job-search-suggestions");
        suggestions.addClassName("portal-suggestions");

        facet(sector, "job-search-sector", "jobs.allSectors", Sector.values(), "sector", Enum::name,
                s -> getTranslation("sector." + s.name()));
        facet(town, "job-search-town", "jobs.allTowns", towns.all().toArray(String[]::new), "county",
                Function.identity(), t -> towns.label(t, getLocale()));
        facet(employerType, "job-search-employer-type", "jobs.allEmployerTypes", EmployerType.values(),
                "employerType", Enum::name, t -> getTranslation("employerType." + t.name()));
        facet(education, "job-search-education", "jobs.allEducations", Education.values(), "education",
                Enum::name, e -> getTranslation("education." + e.name()));
        facet(category, "job-search-category", "jobs.allCategories", TalentCategory.values(), "categories",
                Enum::name, c -> getTranslation("category." + c.name()));
        facet(salary, "job-search-salary", "jobs.anySalary", SalaryBand.values(), "salary", Enum::name,
                b -> getTranslation("jobs.salary." + b.name()));
        facet(posted, "job-search-posted", "jobs.anyTime", PostedWithin.values(), "posted", Enum::name,
                p -> getTranslation("jobs.posted." + p.name()));
        sort.setId("job-search-sort");
        sort.setPlaceholder(getTranslation("jobs.sort.default"));
        sort.setItems(OpeningSort.values());
        sort.setItemLabelGenerator(o -> getTranslation("jobs.sort." + o.name()));
        sort.setClearButtonVisible(true);
        sort.addValueChangeListener(e -> search());

        HorizontalLayout filters = new HorizontalLayout(sector, town, employerType, education, category, salary,
                posted, sort, new SaveSearchButton(commands,
                        () -> new SearchCriteria(text.getValue(), sector.getValue(), town.getValue())));
        filters.setWrap(true);
        filters.addClassName("portal-search-filters"); // two to a row on a phone, not eight rows before the results
        summary.setId("job-search-summary");
        summary.addClassName("portal-muted");
        hometownNote.setId("job-search-hometown");
        hometownNote.addClassName("portal-muted");
        hometownNote.setVisible(hometown != null);
        if (hometown != null) {
            hometownNote.setText(getTranslation("jobs.hometownFirst", hometown));
        }
        results.setPadding(false);
        results.setId("job-search-results");
        more.setText(getTranslation("jobs.more"));
        more.addClickListener(e -> load(lastQuery.after(nextCursor), false));
        more.setVisible(false);
        add(title, text, suggestions, filters, summary, hometownNote, results, more);
        search();
    }

    /** A filter whose items show the number of openings each would give (the facet counts of the last search). */
    private <T> void facet(ComboBox<T> box, String id, String placeholderKey, T[] values, String facet,
                           Function<T, String> key, Function<T, String> label) {
        box.setId(id);
        box.setPlaceholder(getTranslation(placeholderKey));
        box.setItems(values);
        box.setItemLabelGenerator(v -> {
            Long count = facets.getOrDefault(facet, Map.of()).get(key.apply(v));
            return count == null ? label.apply(v) : getTranslation("jobs.facetCount", label.apply(v), count);
        });
        box.setClearButtonVisible(true);
        box.addValueChangeListener(e -> search());
    }

    private String hometownOfSignedInCandidate() {
        if (!CurrentUser.hasRole(Role.CANDIDATE) || CurrentUser.require().candidateId() == null) {
            return null;
        }
        try {
            return queries.query(new FindCandidateHometown(CurrentUser.require().candidateId()),
                    CandidateHometown.class).join().county();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private FindOpenings currentQuery() {
        OpeningFilters filters = OpeningFilters.NONE
                .withSectors(one(sector.getValue()))
                .withCounties(one(town.getValue()))
                .withEmployerTypes(one(employerType.getValue()))
                .withEducations(one(education.getValue()))
                .withCategories(one(category.getValue()))
                .withSalary(salary.getValue())
                .withPosted(posted.getValue());
        return new FindOpenings(text.getValue(), filters, sort.getValue(), hometown, null, 0, PAGE_SIZE);
    }

    private static <T> Set<T> one(T value) {
        return value == null ? Set.of() : Set.of(value);
    }

    private void search() {
        load(currentQuery(), true);
    }

    private void suggest(String typed) {
        suggestions.removeAll();
        if (typed == null || typed.isBlank()) {
            return;
        }
        try {
            queries.query(new SuggestOpenings(typed, SUGGESTIONS), OpeningSuggestions.class).join().suggestions()
                    .forEach(suggestion -> {
                        Button choice = new Button(suggestion.title(), e -> {
                            suggestions.removeAll();
                            text.setValue(suggestion.title());
                        });
                        choice.addClassName("job-suggestion");
                        choice.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                        suggestions.add(choice);
                    });
        } catch (CompletionException | QueryExecutionException | SearchUnavailableException e) {
            // suggestions are a convenience: the search itself reports the engine being down
        }
    }

    private void load(FindOpenings query, boolean replace) {
        OpeningSearchResult result;
        try {
            result = queries.query(query, OpeningSearchResult.class).join();
        } catch (CompletionException | QueryExecutionException | SearchUnavailableException e) {
            results.removeAll();
            summary.setText(getTranslation("search.unavailable"));
            more.setVisible(false);
            return;
        }
        lastQuery = query;
        nextCursor = result.nextCursor();
        if (replace) {
            results.removeAll();
            facets = result.facets();
            for (ComboBox<?> box : List.of(sector, town, employerType, education, category, salary, posted)) {
                box.getDataProvider().refreshAll();
            }
        }
        result.hits().forEach(hit -> results.add(card(hit)));
        summary.setText(getTranslation("jobs.found", result.total()));
        more.setVisible(nextCursor != null);
    }

    private Div card(OpeningHit hit) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.getElement().setAttribute("data-opening-id", hit.openingId());
        // The engine escapes the text (HTML encoder) and only adds <em>: safe to render as HTML.
        Html title = new Html("<h3 style='margin:0'>" + hit.highlightedTitle() + "</h3>");
        RouterLink toOpening = new RouterLink(OpeningPage.class, OpeningPage.parameters(hit.openingId()));
        toOpening.add(title);
        toOpening.addClassName("portal-opening-link");
        Span salary = new Span(PortalFormats.salary(hit.salaryMin(), hit.salaryMax(), getLocale()));
        salary.addClassName("portal-salary");
        Span employer = new Span(hit.employerName() + " · " + towns.label(hit.county(), getLocale()) + " · "
                + getTranslation("sector." + hit.sector()) + " · " + getTranslation("education." + hit.education()));
        employer.addClassName("portal-muted");
        Div tags = new Div();
        hit.categories().forEach(c -> {
            Span tag = new Span(getTranslation("category." + c));
            tag.addClassName("portal-tag");
            tags.add(tag);
        });
        Html snippet = new Html("<div class='portal-muted'>" + hit.highlightedSnippet() + "</div>");
        HorizontalLayout head = new HorizontalLayout(toOpening, salary);
        head.setWidthFull();
        head.setWrap(true);
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div similar = new Div();
        similar.addClassName("job-similar");
        Button showSimilar = new Button(getTranslation("jobs.similar"));
        showSimilar.addClassName("similar-button");
        showSimilar.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        showSimilar.addClickListener(e -> showSimilar(hit, similar));
        HorizontalLayout actions = new HorizontalLayout(applyButton(hit), showSimilar);
        card.add(head, employer, tags, snippet, actions, similar);
        return card;
    }

    private void showSimilar(OpeningHit hit, Div similar) {
        similar.removeAll();
        try {
            List<OpeningHit> found = queries.query(new FindSimilarOpenings(hit.openingId(), SIMILAR),
                    SimilarOpenings.class).join().hits();
            if (found.isEmpty()) {
                similar.add(new Span(getTranslation("jobs.similar.none")));
            }
            found.forEach(other -> {
                RouterLink line = new RouterLink(other.title() + " · " + other.employerName() + " · "
                        + towns.label(other.county(), getLocale()), OpeningPage.class, OpeningPage.parameters(other.openingId()));
                line.addClassName("similar-opening");
                line.getElement().setAttribute("data-opening-id", other.openingId());
                similar.add(new Div(line));
            });
        } catch (CompletionException | QueryExecutionException | SearchUnavailableException e) {
            similar.add(new Span(getTranslation("search.unavailable")));
        }
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
