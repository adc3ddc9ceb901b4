package cn.talentportal.projections.search;

import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Chinese full-text search over published openings. The {@code smartcn} fields carry the precision (软件工程师
 * matches 软件开发工程师, not 硬件工程师); the {@code cjk} bigram sub-fields add recall (护士 finds 护士长), weighted
 * lower so word matches rank first.
 */
@Component
public class OpeningSearchQueries {

    static final List<String> FACET_FIELDS = List.of("sector", "county", "education", "categories");
    private static final List<String> WORD_FIELDS = List.of("title^4", "employerName^2", "major^2", "description");
    private static final List<String> BIGRAM_FIELDS =
            List.of("title.bigram^1.5", "employerName.bigram", "major.bigram", "description.bigram^0.3");

    // A match found only through the bigram sub-field is highlighted there: ask for both, prefer words.
    private static final HighlightField WHOLE = HighlightField.of(f -> f.numberOfFragments(0));
    private static final HighlightField SNIPPET = HighlightField.of(f -> f.fragmentSize(60).numberOfFragments(1));

    private final ElasticsearchClient client;
    private final OpeningSearchIndex index;

    public OpeningSearchQueries(ElasticsearchClient client, OpeningSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @QueryHandler
    public OpeningSearchResult handle(SearchOpenings query) {
        try {
            index.ensureExists();
            SearchResponse<OpeningDocument> response = client.search(s -> {
                s.index(OpeningSearchIndex.ALIAS)
                        .query(query(query))
                        .from(query.page() * query.size())
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                .preTags("<em>").postTags("</em>")
                                .fields(NamedValue.of("title", WHOLE), NamedValue.of("title.bigram", WHOLE),
                                        NamedValue.of("description", SNIPPET),
                                        NamedValue.of("description.bigram", SNIPPET)));
                FACET_FIELDS.forEach(field -> s.aggregations(field, a -> a.terms(t -> t.field(field).size(30))));
                if (query.text().isEmpty()) {
                    s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
                }
                return s;
            }, OpeningDocument.class);
            return result(response);
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** Which openings a search finds: public so a saved search is percolated with the very same query. */
    public static Query query(SearchOpenings query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.text().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        } else {
            bool.must(m -> m.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.multiMatch(mm -> mm.query(query.text()).fields(WORD_FIELDS)
                            .type(TextQueryType.CrossFields).operator(Operator.And)))
                    .should(s -> s.multiMatch(mm -> mm.query(query.text()).fields(BIGRAM_FIELDS)
                            .type(TextQueryType.CrossFields).operator(Operator.And).boost(0.5f)))));
        }
        if (query.sector() != null) {
            bool.filter(f -> f.term(t -> t.field("sector").value(query.sector().name())));
        }
        if (query.county() != null && !query.county().isBlank()) {
            bool.filter(f -> f.term(t -> t.field("county").value(query.county().strip())));
        }
        return bool.build()._toQuery();
    }

    private static OpeningSearchResult result(SearchResponse<OpeningDocument> response) {
        List<OpeningHit> hits = response.hits().hits().stream().map(OpeningSearchQueries::hit).toList();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String field : FACET_FIELDS) {
            Aggregate aggregate = response.aggregations().get(field);
            Map<String, Long> counts = new LinkedHashMap<>();
            if (aggregate != null && aggregate.isSterms()) {
                aggregate.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
            }
            facets.put(field, counts);
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new OpeningSearchResult(total, hits, facets);
    }

    private static OpeningHit hit(Hit<OpeningDocument> hit) {
        OpeningDocument d = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String title = first(highlight, "title", escape(d.title()));
        String snippet = first(highlight, "description", escape(abbreviate(d.description(), 60)));
        return new OpeningHit(d.openingId(), d.title(), title, snippet, d.employerName(), d.sector(), d.county(),
                d.education(), d.categories(), d.salaryMin(), d.salaryMax(), d.deadline(), d.publishedAt());
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
