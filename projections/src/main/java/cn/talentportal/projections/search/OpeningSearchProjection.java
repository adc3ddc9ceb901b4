package cn.talentportal.projections.search;

import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index to the published, open openings: publishing or resuming adds one, pausing, filling or
 * closing removes it, editing changes it only while it is in the index. Runs in its own tracking processor: when
 * the engine is down the handler throws, the processor retries from its token and catches up, and commands never
 * wait for it.
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
        put(OpeningDocument.of(event.openingId(), event.employerUnitId(), event.employerName(), event.details(),
                publishedAt));
    }

    /**
     * The index holds no removed opening, so it is asked whether the opening is searchable; the events of one
     * opening are handled in order, and a get reads the latest write, so the answer is current even in a replay.
     */
    @EventHandler
    void on(OpeningEdited event) throws IOException {
        index.ensureExists();
        GetResponse<OpeningDocument> indexed = client.get(g -> g.index(OpeningSearchIndex.ALIAS)
                .id(event.openingId()), OpeningDocument.class);
        if (indexed.found() && indexed.source() != null) {
            put(OpeningDocument.of(event.openingId(), event.employerUnitId(), event.employerName(), event.details(),
                    Instant.parse(indexed.source().publishedAt())));
        }
    }

    /** The first publication time went with the removed document: a resumed opening is listed as new again. */
    @EventHandler
    void on(OpeningResumed event, @Timestamp Instant resumedAt) throws IOException {
        put(OpeningDocument.of(event.openingId(), event.employerUnitId(), event.employerName(), event.details(),
                resumedAt));
    }

    @EventHandler
    void on(OpeningPaused event) throws IOException {
        remove(event.openingId());
    }

    @EventHandler
    void on(OpeningFilled event) throws IOException {
        remove(event.openingId());
    }

    @EventHandler
    void on(OpeningClosed event) throws IOException {
        remove(event.openingId());
    }

    private void put(OpeningDocument document) throws IOException {
        index.ensureExists();
        client.index(i -> i.index(OpeningSearchIndex.ALIAS).id(document.openingId()).document(document));
    }

    private void remove(String openingId) throws IOException {
        index.ensureExists();
        // deleting an absent document answers "not_found": a replayed removal is harmless
        client.delete(d -> d.index(OpeningSearchIndex.ALIAS).id(openingId));
    }
}
