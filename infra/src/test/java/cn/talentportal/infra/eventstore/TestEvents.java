package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events of a made-up candidate aggregate, shaped like the portal's (records with a revision). */
final class TestEvents {

    @Revision("1")
    record CandidateNoted(String candidateId, String note, Instant notedAt) {
    }

    static GenericDomainEventMessage<CandidateNoted> noted(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Candidate", aggregateId, sequence,
                new CandidateNoted(aggregateId, "note " + sequence + " 护士长", Instant.parse("2026-11-21T10:15:30.123Z")),
                MetaData.with("user", "recruiter-7").and("role", "RECRUITER"));
    }

    static List<GenericDomainEventMessage<CandidateNoted>> noted(String aggregateId, long firstSequence, int count) {
        List<GenericDomainEventMessage<CandidateNoted>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(noted(aggregateId, firstSequence + i));
        }
        return events;
    }

    private TestEvents() {
    }
}
