package cn.talentportal.projections.alert;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.projections.search.OpeningDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonNumber;
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
    private static final String DOCUMENT_SLOT = "_percolator_document_slot";

    private final ElasticsearchClient client;
    private final SavedSearchIndex index;

    public SavedSearchPercolator(ElasticsearchClient client, SavedSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    /** An opening as it becomes searchable (published or resumed), to be percolated. */
    public record SearchableOpening(String openingId, String employerUnitId, String employerName,
                                    OpeningDetails details, Instant searchableSince) {
    }

    /** Every saved search the opening matches, in pages ordered by saved search id (search_after). */
    public List<SavedSearchMatch> matching(SearchableOpening opening) throws IOException {
        return matchingEach(List.of(opening)).get(0);
    }

    /**
     * For each opening (same order), the saved searches it matches. One percolation for all of them: a tracking
     * processor's batch of publications costs one request per page, not one per publication. Each hit names the
     * openings it matched in {@code _percolator_document_slot}.
     */
    public List<List<SavedSearchMatch>> matchingEach(List<SearchableOpening> openings) throws IOException {
        List<List<SavedSearchMatch>> matches = new ArrayList<>(openings.size());
        openings.forEach(opening -> matches.add(new ArrayList<>()));
        if (openings.isEmpty()) {
            return matches;
        }
        index.ensureCurrent();
        // no employer type: saved searches do not filter by it
        List<JsonData> documents = openings.stream()
                .map(o -> JsonData.of(OpeningDocument.of(o.openingId(), o.employerUnitId(), null, o.employerName(),
                        o.details(), o.searchableSince()), client._jsonpMapper()))
                .toList();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<SavedSearchIndex.StoredEntry> page = client.search(s -> {
                s.index(SavedSearchIndex.ALIAS).size(PAGE)
                        .query(q -> q.percolate(p -> p.field(SavedSearchIndex.QUERY).documents(documents)))
                        .source(src -> src.filter(f -> f.includes(SavedSearchIndex.ENTRY)))
                        .sort(o -> o.field(f -> f.field(SavedSearchIndex.ENTRY + ".savedSearchId")
                                .order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, SavedSearchIndex.StoredEntry.class);
            List<Hit<SavedSearchIndex.StoredEntry>> hits = page.hits().hits();
            for (Hit<SavedSearchIndex.StoredEntry> hit : hits) {
                SavedSearchEntry entry = hit.source().savedSearch();
                SavedSearchMatch match = new SavedSearchMatch(entry.candidateId(), entry.savedSearchId(), entry.name());
                for (int slot : slots(hit, openings.size())) {
                    matches.get(slot).add(match);
                }
            }
            if (hits.size() < PAGE) {
                return matches;
            }
            after = hits.getLast().sort();
        }
    }

    /** Which of the percolated documents a hit matched; with one document the engine may leave the field out. */
    private static List<Integer> slots(Hit<?> hit, int documents) {
        JsonData slots = hit.fields().get(DOCUMENT_SLOT);
        if (slots == null) {
            if (documents == 1) {
                return List.of(0);
            }
            throw new IllegalStateException("A percolator hit without " + DOCUMENT_SLOT + " for " + documents
                    + " documents: " + hit.id());
        }
        return slots.toJson().asJsonArray().stream().map(value -> ((JsonNumber) value).intValue()).toList();
    }
}
