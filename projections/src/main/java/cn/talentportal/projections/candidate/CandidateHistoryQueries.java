package cn.talentportal.projections.candidate;

import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateQueries.FindStreamsHistory;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import static cn.talentportal.domain.shared.AuditMetaData.*;

/**
 * A candidate's history is read from the event store itself, not from a copy: what the auditor sees is what is
 * stored, with the metadata recorded when each command was handled.
 */
@Component
public class CandidateHistoryQueries {

    private final EventStore eventStore;

    public CandidateHistoryQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public List<HistoryEntry> handle(FindCandidateHistory query) {
        // from the first event: readEvents(id) alone starts with the latest snapshot (the aggregate's state, not an
        // event) once the stream is long enough to be snapshotted, and leaves out the events it covers
        return eventStore.readEvents(query.candidateId(), 0).asStream()
                .map(CandidateHistoryQueries::entry)
                .toList();
    }

    /**
     * The events of several streams (a candidate's own, their interviews', retention cases'...) in the order they
     * happened: a candidate's whole story is spread over the aggregates that took part in it.
     */
    @QueryHandler
    public List<HistoryEntry> handle(FindStreamsHistory query) {
        return query.aggregateIds().stream().distinct()
                .flatMap(id -> eventStore.readEvents(id, 0).asStream().map(CandidateHistoryQueries::entry))
                .sorted(Comparator.comparing(HistoryEntry::timestamp))
                .toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        MetaData meta = event.getMetaData();
        return new HistoryEntry(event.getSequenceNumber(), event.getTimestamp(),
                event.getPayloadType().getSimpleName(), event.getPayload(), text(meta, USER_ID),
                text(meta, USER_NAME), text(meta, ROLE), text(meta, REASON), text(meta, CLIENT_ADDRESS),
                text(meta, CORRELATION_ID));
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
