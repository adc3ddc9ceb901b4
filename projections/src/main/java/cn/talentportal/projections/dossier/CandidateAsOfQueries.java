package cn.talentportal.projections.dossier;

import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Answers the as-of replay from the event store itself (decision 0016): what the auditor sees is rebuilt from what is
 * stored, not from a read model. Streams are read from their first event, past any snapshot: a snapshot holds an
 * aggregate's state at its latest event, not as of an earlier instant.
 */
@Component
public class CandidateAsOfQueries implements DisposableBean {

    /** Streams read at once per reconstruction: round trips to the store overlap, two cores stay enough. */
    static final int READERS = 4;

    private final CandidateStreamsProjection candidateStreams;
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, Thread.ofPlatform()
            .name("as-of-reader-", 0).daemon(true).factory());
    private final SettledStreams streams;

    public CandidateAsOfQueries(EventStore eventStore, CandidateStreamsProjection candidateStreams) {
        this.candidateStreams = candidateStreams;
        this.streams = new SettledStreams(eventStore, readers, () -> GenericEventMessage.clock.instant());
    }

    @QueryHandler
    public CandidateDossier handle(FindCandidateAsOf query) {
        Objects.requireNonNull(query.candidateId(), "candidateId");
        Objects.requireNonNull(query.asOf(), "asOf");
        return CandidateReplay.asOf(query.candidateId(), query.asOf(), candidateStreams.linkedTo(query.candidateId()),
                streams.asOf(query.asOf()));
    }

    /** Drops the kept copies of these streams: their personal data was just erased (decision 0026). */
    public void forgetStreams(Collection<String> aggregateIds) {
        streams.forget(aggregateIds);
    }

    /** Drops every kept copy: someone's data was erased on another node, which streams is not known here. */
    public void forgetAllStreams() {
        streams.forgetAll();
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
