package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.projections.shared.BatchedWrites;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index to the published, open openings: publishing or resuming adds one, pausing, filling or
 * closing removes it, editing changes it only while it is in the index. Runs in its own tracking processor, named
 * after the mapping version ({@link OpeningSearchIndex#PROCESSING_GROUP}) and writing that version's physical
 * index: when the engine is down the handler throws, the processor retries from its token and catches up, and
 * commands never wait for it. Every write is by opening id, so a replayed event changes nothing twice.
 */
@Component
@ProcessingGroup(OpeningSearchIndex.PROCESSING_GROUP)
public class OpeningSearchProjection {

    private final ElasticsearchClient client;
    private final OpeningSearchIndex index;
    private final SearchEmployerTypes employerTypes;

    public OpeningSearchProjection(ElasticsearchClient client, OpeningSearchIndex index,
                                   SearchEmployerTypes employerTypes) {
        this.client = client;
        this.index = index;
        this.employerTypes = employerTypes;
    }

    @EventHandler
    void on(EmployerUnitCreated event) {
        employerTypes.record(event.employerUnitId(), event.type());
    }

    @EventHandler
    void on(OpeningPublished event, @Timestamp Instant publishedAt) throws IOException {
        put(event.openingId(), event.employerUnitId(), event.employerName(), event.details(), publishedAt);
    }

    /**
     * The index holds no removed opening, so it is asked whether the opening is searchable; the events of one
     * opening are handled in order, and a get reads the latest write, so the answer is current even in a replay.
     */
    @EventHandler
    void on(OpeningEdited event) throws IOException {
        Instant publishedAt = publishedAtIfSearchable(event.openingId());
        if (publishedAt != null) {
            put(event.openingId(), event.employerUnitId(), event.employerName(), event.details(), publishedAt);
        }
    }

    /**
     * The index holds no removed opening, so whether an opening is searchable is what this batch last wrote for it,
     * or else what the index holds; the events of one opening are handled in order, so the answer is current even
     * in a replay.
     */
    private Instant publishedAtIfSearchable(String openingId) throws IOException {
        IndexWrites writes = writes();
        Optional<OpeningDocument> written = writes == null ? null : writes.pendingFor(openingId);
        if (written != null) {
            return written.map(d -> Instant.parse(d.publishedAt())).orElse(null);
        }
        index.ensureExists();
        GetResponse<OpeningDocument> indexed = client.get(g -> g.index(index.physicalIndex()).id(openingId),
                OpeningDocument.class);
        return indexed.found() && indexed.source() != null ? Instant.parse(indexed.source().publishedAt()) : null;
    }

    /** The first publication time went with the removed document: a resumed opening is listed as new again. */
    @EventHandler
    void on(OpeningResumed event, @Timestamp Instant resumedAt) throws IOException {
        put(event.openingId(), event.employerUnitId(), event.employerName(), event.details(), resumedAt);
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

    private void put(String openingId, String employerUnitId, String employerName, OpeningDetails details,
                     Instant publishedAt) throws IOException {
        index.ensureExists();
        OpeningDocument document = OpeningDocument.of(openingId, employerUnitId,
                employerTypes.typeOf(employerUnitId), employerName, details, publishedAt);
        IndexWrites writes = writes();
        if (writes != null) {
            writes.put(document);
        } else {
            client.index(i -> i.index(index.physicalIndex()).id(openingId).document(document));
        }
    }

    private void remove(String openingId) throws IOException {
        index.ensureExists();
        IndexWrites writes = writes();
        if (writes != null) {
            writes.remove(openingId);
        } else {
            // deleting an absent document answers "not_found": a replayed removal is harmless
            client.delete(d -> d.index(index.physicalIndex()).id(openingId));
        }
    }

    /** This batch's bulk of index writes (see {@link IndexWrites}); null outside a processor's batch. */
    private IndexWrites writes() {
        return BatchedWrites.writer(IndexWrites.class.getName() + index.physicalIndex(),
                () -> new IndexWrites(client, index.physicalIndex()));
    }
}
