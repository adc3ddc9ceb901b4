package cn.talentportal.projections.search;

import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index to the published, open openings. Runs in its own tracking processor: when the engine is
 * down the handler throws, the processor retries from its token and catches up, and commands never wait for it.
 */
@Component
@ProcessingGroup("opening-search")
public class OpeningSearchProjection {

    private final ElasticsearchClient client;
    private final OpeningSearchIndex index;

    public OpeningSearchProjection(ElasticsearchClient client, OpeningSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(OpeningPublished event, @Timestamp Instant publishedAt) throws IOException {
        index.ensureExists();
        OpeningDocument document = OpeningDocument.of(event, publishedAt);
        client.index(i -> i.index(OpeningSearchIndex.ALIAS).id(event.openingId()).document(document));
    }

    @EventHandler
    void on(OpeningClosed event) throws IOException {
        index.ensureExists();
        // deleting an absent document answers "not_found": a replayed close is harmless
        client.delete(d -> d.index(OpeningSearchIndex.ALIAS).id(event.openingId()));
    }
}
