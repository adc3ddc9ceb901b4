package cn.talentportal.projections.alert;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.projections.search.OpeningDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which saved searches an opening matches: the opening, as the search index would hold it, is percolated against
 * the stored queries, so the cost grows with the matches, not with the number of saved searches.
 */
@Component
public class SavedSearchPercolator {

    static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final SavedSearchIndex index;

    public SavedSearchPercolator(ElasticsearchClient client, SavedSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    /** Every saved search the opening matches, in pages ordered by saved search id (search_after). */
    public List<SavedSearchMatch> matching(String openingId, String employerUnitId, String employerName,
                                           OpeningDetails details, Instant publishedAt) throws IOException {
        index.ensureCurrent();
        // no employer type: saved searches do not filter by it
        JsonData opening = JsonData.of(OpeningDocument.of(openingId, employerUnitId, null, employerName, details,
                publishedAt), client._jsonpMapper());
        List<SavedSearchMatch> matches = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<SavedSearchIndex.StoredEntry> page = client.search(s -> {
                s.index(SavedSearchIndex.ALIAS).size(PAGE)
                        .query(q -> q.percolate(p -> p.field(SavedSearchIndex.QUERY).document(opening)))
                        .source(src -> src.filter(f -> f.includes(SavedSearchIndex.ENTRY)))
                        .sort(o -> o.field(f -> f.field(SavedSearchIndex.ENTRY + ".savedSearchId")
                                .order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, SavedSearchIndex.StoredEntry.class);
            List<Hit<SavedSearchIndex.StoredEntry>> hits = page.hits().hits();
            hits.forEach(hit -> {
                SavedSearchEntry entry = hit.source().savedSearch();
                matches.add(new SavedSearchMatch(entry.candidateId(), entry.savedSearchId(), entry.name()));
            });
            if (hits.size() < PAGE) {
                return matches;
            }
            after = hits.getLast().sort();
        }
    }
}
