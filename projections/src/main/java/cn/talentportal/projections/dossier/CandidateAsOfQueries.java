package cn.talentportal.projections.dossier;

import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the as-of replay from the event store itself (decision 0016): what the auditor sees is rebuilt from what is
 * stored, not from a read model. Streams are read from their first event, past any snapshot: a snapshot holds an
 * aggregate's state at its latest event, not as of an earlier instant.
 */
@Component
public class CandidateAsOfQueries {

    private final EventStore eventStore;
    private final CandidateStreamsProjection candidateStreams;

    public CandidateAsOfQueries(EventStore eventStore, CandidateStreamsProjection candidateStreams) {
        this.eventStore = eventStore;
        this.candidateStreams = candidateStreams;
    }

    @QueryHandler
    public CandidateDossier handle(FindCandidateAsOf query) {
        Objects.requireNonNull(query.candidateId(), "candidateId");
        Objects.requireNonNull(query.asOf(), "asOf");
        return CandidateReplay.asOf(query.candidateId(), query.asOf(), candidateStreams.linkedTo(query.candidateId()),
                this::read);
    }

    private List<ReplayedEvent> read(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream()
                .map(CandidateAsOfQueries::replayed)
                .toList();
    }

    private static ReplayedEvent replayed(DomainEventMessage<?> event) {
        return new ReplayedEvent(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                event.getPayload());
    }
}
