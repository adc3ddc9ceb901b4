package cn.talentportal.projections.alert;

import cn.talentportal.domain.alert.JobAlertEvents.SavedSearchDeleted;
import cn.talentportal.domain.alert.JobAlertEvents.SearchSaved;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps one percolator query per live saved search. Written with an immediate refresh: a search saved a moment
 * before an opening is published must already match it, and searches are saved rarely. Replays and redeliveries
 * write the same document again; deleting an absent one is harmless.
 */
@Component
@ProcessingGroup("saved-searches")
public class SavedSearchProjection {

    private final ElasticsearchClient client;
    private final SavedSearchIndex index;

    public SavedSearchProjection(ElasticsearchClient client, SavedSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(SearchSaved event) throws IOException {
        index.ensureCurrent();
        SavedSearchEntry entry = SavedSearchEntry.of(event.candidateId(), event.savedSearchId(), event.searchName(),
                event.criteria());
        client.index(i -> i.index(SavedSearchIndex.ALIAS).id(entry.savedSearchId()).document(index.document(entry))
                .refresh(Refresh.True));
    }

    @EventHandler
    void on(SavedSearchDeleted event) throws IOException {
        index.ensureCurrent();
        client.delete(d -> d.index(SavedSearchIndex.ALIAS).id(event.savedSearchId()).refresh(Refresh.True));
    }
}
