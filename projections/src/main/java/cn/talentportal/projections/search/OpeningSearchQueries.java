package cn.talentportal.projections.search;

import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.FindSimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningFilters;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.OpeningSort;
import cn.talentportal.projections.search.SearchQueries.OpeningSuggestion;
import cn.talentportal.projections.search.SearchQueries.OpeningSuggestions;
import cn.talentportal.projections.search.SearchQueries.PostedWithin;
import cn.talentportal.projections.search.SearchQueries.SalaryBand;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import cn.talentportal.projections.search.SearchQueries.SimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.SuggestOpenings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.MultiBucketBase;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Chinese full-text search over published openings. The {@code smartcn} fields carry the precision (软件工程师
 * matches 软件开发工程师, not 硬件工程师) and, at search time, the job-word synonyms (护理 finds 护士); the
 * {@code cjk} bigram sub-fields add recall (护士 finds 护士长), weighted lower so word matches rank first.
 * Facet filters go in a post filter, and each facet counts under every filter but its own, so a user sees how many
 * openings each other value would give.
 */
@Component
public class OpeningSearchQueries {

    static final String SECTOR = "sector";
    static final String COUNTY = "county";
    static final String EMPLOYER_TYPE = "employerType";
    static final String EDUCATION = "education";
    static final String CATEGORIES = "categories";
    static final String SALARY = "salary";
    static final String POSTED = "posted";
    static final List<String> FACETS = List.of(SECTOR, COUNTY, EMPLOYER_TYPE, EDUCATION, CATEGORIES, SALARY, POSTED);

    private static final List<String> WORD_FIELDS = List.of("title^4", "employerName^2", "major^2", "description");
    private static final List<String> BIGRAM_FIELDS =
            List.of("title.bigram^1.5", "employerName.bigram", "major.bigram", "description.bigram^0.3");
    /** Words and bigrams: smartcn alone does not relate 急需护士 to 护士长. */
    private static final List<String> SIMILARITY_FIELDS =
            List.of("title", "title.bigram", "major", "description", "description.bigram");
    /** The hometown boost multiplies the score: a returnee sees home openings first among equally good matches. */
    static final float HOMETOWN_BOOST = 3.0f;
    private static final String SUGGESTION = "titles";
    /** The fields of an opening a result row ({@link OpeningHit}) shows; the description for a snippet. */
    private static final List<String> HIT_FIELDS = List.of("openingId", "title", "description", "employerName",
            "employerType", "sector", "county", "education", "categories", "salaryMin", "salaryMax", "deadline",
            "publishedAt");
    /** The sub-aggregation of a facet's filter aggregation that holds its counts. */
    private static final String COUNTS = "counts";
    /** One filter aggregation (all filters) around the counts of every facet that has no filter of its own. */
    private static final String UNNARROWED_FACETS = "facets";

    // A match found only through the bigram sub-field is highlighted there: ask for both, prefer words.
    private static final HighlightField WHOLE = HighlightField.of(f -> f.numberOfFragments(0));
    private static final HighlightField SNIPPET = HighlightField.of(f -> f.fragmentSize(60).numberOfFragments(1));

    private final ElasticsearchClient client;
    private final OpeningSearchIndex index;
    private final Clock clock;

    @Autowired
    public OpeningSearchQueries(ElasticsearchClient client, OpeningSearchIndex index, ObjectProvider<Clock> clock) {
        this(client, index, clock.getIfAvailable(Clock::systemUTC));
    }

    OpeningSearchQueries(ElasticsearchClient client, OpeningSearchIndex index, Clock clock) {
        this.client = client;
        this.index = index;
        this.clock = clock;
    }

    @QueryHandler
    public OpeningSearchResult handle(SearchOpenings query) {
        return handle(query.toFindOpenings());
    }

    /** @throws IllegalArgumentException for a cursor this search did not hand out */
    @QueryHandler
    public OpeningSearchResult handle(FindOpenings query) {
        OpeningSort sort = query.effectiveSort();
        List<FieldValue> after = query.cursor() == null ? null : SearchCursor.decode(query.cursor(), sort);
        Instant now = clock.instant();
        return search(() -> {
            SearchResponse<OpeningDocument> response = client.search(s -> {
                s.index(OpeningSearchIndex.ALIAS)
                        .query(scored(query))
                        .postFilter(filters(query.filters(), now, null))
                        .size(query.size())
                        // what a result row shows: the completion inputs alone are larger than the rest
                        .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                        .sort(sortOptions(sort))
                        .trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                .preTags("<em>").postTags("</em>")
                                .fields(NamedValue.of("title", WHOLE), NamedValue.of("title.bigram", WHOLE),
                                        NamedValue.of("description", SNIPPET),
                                        NamedValue.of("description.bigram", SNIPPET)));
                if (after != null) {
                    s.searchAfter(after);
                } else {
                    s.from(query.page() * query.size());
                }
                facets(query.filters(), now).forEach(s::aggregations);
                return s;
            }, OpeningDocument.class);
            return result(response, query.size(), sort);
        });
    }

    @QueryHandler
    public OpeningSuggestions handle(SuggestOpenings query) {
        if (query.prefix().isEmpty()) {
            return new OpeningSuggestions(List.of());
        }
        return search(() -> {
            SearchResponse<OpeningDocument> response = client.search(s -> s.index(OpeningSearchIndex.ALIAS)
                    .source(src -> src.filter(f -> f.includes("openingId", "title")))
                    .suggest(g -> g.suggesters(SUGGESTION, f -> f.prefix(query.prefix())
                            // one option per opening (its best input); openings sharing a title show once
                            .completion(c -> c.field("suggest").size(query.size() * 3)))),
                    OpeningDocument.class);
            Map<String, OpeningSuggestion> byTitle = new LinkedHashMap<>();
            for (Suggestion<OpeningDocument> suggestion : response.suggest().getOrDefault(SUGGESTION, List.of())) {
                for (CompletionSuggestOption<OpeningDocument> option : suggestion.completion().options()) {
                    OpeningDocument d = option.source();
                    if (d != null) {
                        byTitle.putIfAbsent(d.title(), new OpeningSuggestion(d.openingId(), d.title()));
                    }
                }
            }
            return new OpeningSuggestions(byTitle.values().stream().limit(query.size()).toList());
        });
    }

    @QueryHandler
    public SimilarOpenings handle(FindSimilarOpenings query) {
        return search(() -> {
            SearchResponse<OpeningDocument> response = client.search(s -> s.index(OpeningSearchIndex.ALIAS)
                    .size(query.size())
                    .query(q -> q.bool(b -> b
                            .must(m -> m.moreLikeThis(mlt -> mlt.fields(SIMILARITY_FIELDS)
                                    .like(l -> l.document(d -> d.index(OpeningSearchIndex.ALIAS)
                                            .id(query.openingId())))
                                    // a district's openings are few: count words that occur once
                                    .minTermFreq(1).minDocFreq(1).maxQueryTerms(25)
                                    .minimumShouldMatch("10%")))
                            .mustNot(n -> n.ids(i -> i.values(query.openingId()))))),
                    OpeningDocument.class);
            return new SimilarOpenings(response.hits().hits().stream().map(OpeningSearchQueries::hit).toList());
        });
    }

    private interface EngineCall<T> {
        T call() throws IOException;
    }

    private <T> T search(EngineCall<T> call) {
        try {
            index.ensureExists();
            return call.call();
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * Which openings a search finds, text and filters in one query: public so a saved search is percolated with the
     * very same query the search page runs (the page applies the filters as a post filter, for the facet counts).
     */
    public static Query matching(FindOpenings query, Instant now) {
        return Query.of(q -> q.bool(b -> b.must(scored(query)).filter(filters(query.filters(), now, null))));
    }

    /** Text and the hometown boost: what decides the score. Filters are applied after (post filter). */
    private static Query scored(FindOpenings query) {
        Query text;
        if (query.text().isEmpty()) {
            text = Query.of(q -> q.matchAll(a -> a));
        } else {
            text = Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.multiMatch(mm -> mm.query(query.text()).fields(WORD_FIELDS)
                            .type(TextQueryType.CrossFields).operator(Operator.And)))
                    .should(s -> s.multiMatch(mm -> mm.query(query.text()).fields(BIGRAM_FIELDS)
                            .type(TextQueryType.CrossFields).operator(Operator.And).boost(0.5f)))));
        }
        if (query.hometownCounty() == null) {
            return text;
        }
        return Query.of(q -> q.functionScore(f -> f.query(text).boostMode(FunctionBoostMode.Multiply)
                .functions(fn -> fn.filter(term(COUNTY, query.hometownCounty())).weight((double) HOMETOWN_BOOST))));
    }

    /** All filters of {@code filters} but the one of facet {@code except} (null: all). */
    static Query filters(OpeningFilters filters, Instant now, String except) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        addTerms(bool, SECTOR, except, filters.sectors(), Enum::name);
        addTerms(bool, COUNTY, except, filters.counties(), Function.identity());
        addTerms(bool, EMPLOYER_TYPE, except, filters.employerTypes(), Enum::name);
        addTerms(bool, EDUCATION, except, filters.educations(), Enum::name);
        addTerms(bool, CATEGORIES, except, filters.categories(), Enum::name);
        if (filters.salary() != null && !SALARY.equals(except)) {
            bool.filter(salaryBand(filters.salary()));
        }
        if (filters.posted() != null && !POSTED.equals(except)) {
            bool.filter(postedWithin(filters.posted(), now));
        }
        return bool.build()._toQuery();
    }

    private static <T> void addTerms(BoolQuery.Builder bool, String field, String except, Set<T> values,
                                     Function<T, String> name) {
        if (values.isEmpty() || field.equals(except)) {
            return;
        }
        List<FieldValue> terms = values.stream().map(name).sorted().map(FieldValue::of).toList();
        bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query salaryBand(SalaryBand band) {
        return Query.of(q -> q.range(r -> r.number(n -> {
            n.field("salaryTop");
            if (band.from != null) {
                n.gte(band.from.doubleValue());
            }
            if (band.to != null) {
                n.lt(band.to.doubleValue());
            }
            return n;
        })));
    }

    private static Query postedWithin(PostedWithin within, Instant now) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt")
                .gte(now.minus(within.age).toString()))));
    }

    /**
     * The facet counts: terms for keyword fields, ranges for salary and posting date. A facet the user has narrowed
     * counts under every filter but its own, in a filter aggregation of its own; all the other facets count under
     * all filters, so they share one filter aggregation. Same counts as one filter aggregation per facet, with the
     * filters evaluated once per narrowed facet plus once, not seven times.
     */
    private static Map<String, Aggregation> facets(OpeningFilters filters, Instant now) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        Map<String, Aggregation> unnarrowed = new LinkedHashMap<>();
        for (String facet : FACETS) {
            Aggregation counts = counts(facet, now);
            if (narrows(filters, facet)) {
                Query others = filters(filters, now, facet);
                aggregations.put(facet, Aggregation.of(a -> a.filter(others).aggregations(COUNTS, counts)));
            } else {
                unnarrowed.put(facet, counts);
            }
        }
        if (!unnarrowed.isEmpty()) {
            Query all = filters(filters, now, null);
            aggregations.put(UNNARROWED_FACETS, Aggregation.of(a -> a.filter(all).aggregations(unnarrowed)));
        }
        return aggregations;
    }

    private static Aggregation counts(String facet, Instant now) {
        return switch (facet) {
            case SALARY -> Aggregation.of(a -> a.range(r -> {
                r.field("salaryTop");
                for (SalaryBand band : SalaryBand.values()) {
                    r.ranges(x -> x.key(band.name())
                            .from(band.from == null ? null : band.from.doubleValue())
                            .to(band.to == null ? null : band.to.doubleValue()));
                }
                return r;
            }));
            case POSTED -> Aggregation.of(a -> a.dateRange(r -> {
                r.field("publishedAt");
                for (PostedWithin within : PostedWithin.values()) {
                    r.ranges(x -> x.key(within.name()).from(f -> f.expr(now.minus(within.age).toString())));
                }
                return r;
            }));
            default -> Aggregation.of(a -> a.terms(t -> t.field(facet).size(50)));
        };
    }

    /** Whether the user has narrowed the search by this facet. */
    private static boolean narrows(OpeningFilters filters, String facet) {
        return switch (facet) {
            case SECTOR -> !filters.sectors().isEmpty();
            case COUNTY -> !filters.counties().isEmpty();
            case EMPLOYER_TYPE -> !filters.employerTypes().isEmpty();
            case EDUCATION -> !filters.educations().isEmpty();
            case CATEGORIES -> !filters.categories().isEmpty();
            case SALARY -> filters.salary() != null;
            case POSTED -> filters.posted() != null;
            default -> throw new IllegalArgumentException("unknown facet " + facet);
        };
    }

    private static List<SortOptions> sortOptions(OpeningSort sort) {
        List<SortOptions> options = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> options.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            case SALARY -> options.add(SortOptions.of(o -> o.field(f -> f.field("salaryTop").order(SortOrder.Desc)
                    .missing("_last").unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Integer))));
            case NEWEST -> {
            }
        }
        options.add(SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))));
        // a unique last key: search_after needs a total order to page without duplicates or gaps
        options.add(SortOptions.of(o -> o.field(f -> f.field("openingId").order(SortOrder.Asc))));
        return options;
    }

    private static OpeningSearchResult result(SearchResponse<OpeningDocument> response, int size, OpeningSort sort) {
        List<Hit<OpeningDocument>> hits = response.hits().hits();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Aggregate inner = countsOf(response.aggregations(), facet);
            if (inner != null && inner.isSterms()) {
                inner.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
            } else if (inner != null && inner.isRange()) {
                inner.range().buckets().array().forEach(b -> count(counts, b.key(), b));
            } else if (inner != null && inner.isDateRange()) {
                inner.dateRange().buckets().array().forEach(b -> count(counts, b.key(), b));
            }
            facets.put(facet, counts);
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        String nextCursor = hits.size() < size ? null
                : SearchCursor.encode(hits.getLast().sort(), sort);
        return new OpeningSearchResult(total, hits.stream().map(OpeningSearchQueries::hit).toList(), facets,
                nextCursor, response.took());
    }

    /** A facet's counts: in its own filter aggregation when narrowed, else among the unnarrowed facets. */
    private static Aggregate countsOf(Map<String, Aggregate> aggregations, String facet) {
        Aggregate own = aggregations.get(facet);
        if (own != null && own.isFilter()) {
            return own.filter().aggregations().get(COUNTS);
        }
        Aggregate shared = aggregations.get(UNNARROWED_FACETS);
        return shared != null && shared.isFilter() ? shared.filter().aggregations().get(facet) : null;
    }

    private static void count(Map<String, Long> counts, String key, MultiBucketBase bucket) {
        if (key != null) {
            counts.put(key, bucket.docCount());
        }
    }

    static OpeningHit hit(Hit<OpeningDocument> hit) {
        OpeningDocument d = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String title = first(highlight, "title", escape(d.title()));
        String snippet = first(highlight, "description", escape(abbreviate(d.description(), 60)));
        return new OpeningHit(d.openingId(), d.title(), title, snippet, d.employerName(), d.employerType(),
                d.sector(), d.county(), d.education(), d.categories(), d.salaryMin(), d.salaryMax(), d.deadline(),
                d.publishedAt());
    }

    private static String first(Map<String, List<String>> highlight, String field, String fallback) {
        for (String highlighted : List.of(field, field + ".bigram")) {
            List<String> fragments = highlight.get(highlighted);
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.getFirst();
            }
        }
        return fallback;
    }

    private static String abbreviate(String text, int length) {
        if (text == null) {
            return "";
        }
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
