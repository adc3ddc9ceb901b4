package cn.talentportal.projections.alert;

import cn.talentportal.projections.alert.AlertQueries.FindSavedSearches;
import cn.talentportal.projections.search.SearchUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A candidate's saved searches, read from the percolator index that holds them. */
@Component
public class SavedSearchQueries {

    private final ElasticsearchClient client;
    private final SavedSearchIndex index;

    public SavedSearchQueries(ElasticsearchClient client, SavedSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @QueryHandler
    public List<SavedSearchEntry> handle(FindSavedSearches query) {
        try {
            index.ensureCurrent();
            return client.search(s -> s.index(SavedSearchIndex.ALIAS)
                                    .size(100) // a candidate keeps at most 20
                                    .query(q -> q.term(t -> t.field(SavedSearchIndex.ENTRY + ".candidateId")
                                            .value(query.candidateId())))
                                    .source(src -> src.filter(f -> f.includes(SavedSearchIndex.ENTRY))),
                            SavedSearchIndex.StoredEntry.class)
                    .hits().hits().stream()
                    .map(hit -> hit.source().savedSearch())
                    .sorted(Comparator.comparing(SavedSearchEntry::name))
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException(e);
        }
    }
}
