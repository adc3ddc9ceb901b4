package cn.talentportal.portal.interview;

import cn.talentportal.domain.interview.InterviewEvents.CandidateDidNotShow;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewEnded;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewStarted;
import cn.talentportal.portal.interview.InterviewFacts.Stage;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads an interview's own stream from the event store: a handful of events, read at once and never behind, so the
 * room's access check and the mails need no read model. Read from the first event, past any snapshot.
 */
@Component
public class InterviewHistory {

    private final EventStore eventStore;

    public InterviewHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<InterviewFacts> current(String interviewId) {
        return asOf(interviewId, Long.MAX_VALUE);
    }

    /** As things stood right after the event with this sequence number. */
    public Optional<InterviewFacts> asOf(String interviewId, long version) {
        if (interviewId == null || interviewId.isBlank()) {
            return Optional.empty();
        }
        InterviewFacts facts = null;
        DomainEventStream stream = eventStore.readEvents(interviewId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > version) {
                break;
            }
            facts = apply(facts, message.getPayload(), message.getSequenceNumber());
        }
        return Optional.ofNullable(facts);
    }

    /** The event with this sequence number, e.g. the reminder a message is about. */
    public Optional<Object> eventAt(String interviewId, long version) {
        DomainEventStream stream = eventStore.readEvents(interviewId, version);
        return stream.hasNext() ? Optional.of(stream.next().getPayload()) : Optional.empty();
    }

    private static InterviewFacts apply(InterviewFacts facts, Object event, long version) {
        if (event instanceof InterviewScheduled scheduled) {
            return new InterviewFacts(scheduled.interviewId(), scheduled.candidateId(), scheduled.candidateName(),
                    scheduled.openingTitle(), scheduled.panel(), scheduled.slot(), scheduled.rubricName(),
                    scheduled.criteria(), Stage.SCHEDULED, version, 0);
        }
        if (facts == null) {
            return null;
        }
        return switch (event) {
            case InterviewRescheduled moved -> facts.revised(Stage.SCHEDULED, moved.slot(), version);
            case InterviewCancelled ignored -> facts.revised(Stage.CANCELLED, facts.slot(), version);
            case CandidateDidNotShow ignored -> facts.with(Stage.NO_SHOW, facts.slot(), version);
            case InterviewStarted ignored -> facts.with(Stage.STARTED, facts.slot(), version);
            case InterviewHeld ignored -> facts.with(Stage.HELD, facts.slot(), version);
            case InterviewEnded ignored -> facts.with(Stage.HELD, facts.slot(), version);
            case InterviewOutcomeDecided ignored -> facts.with(Stage.DECIDED, facts.slot(), version);
            default -> facts.with(facts.stage(), facts.slot(), version);
        };
    }
}
