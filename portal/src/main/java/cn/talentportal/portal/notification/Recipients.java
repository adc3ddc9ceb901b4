package cn.talentportal.portal.notification;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.portal.account.UserAccounts;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Looks up a recipient's email address when a message is sent, never earlier: a candidate's from their
 * registration (the first event of their stream), a user's from their account. Addresses are personal data and are
 * not copied into notification events.
 */
@Component
public class Recipients {

    private final EventStore eventStore;
    private final UserAccounts accounts;

    public Recipients(EventStore eventStore, UserAccounts accounts) {
        this.eventStore = eventStore;
        this.accounts = accounts;
    }

    public Optional<String> addressOf(RecipientKind kind, String id) {
        return switch (kind) {
            case CANDIDATE -> candidateAddress(id);
            case USER -> accounts.emailOfUser(id);
        };
    }

    private Optional<String> candidateAddress(String candidateId) {
        // from the first event, past any snapshot: registration is always sequence 0
        DomainEventStream stream = eventStore.readEvents(candidateId, 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof CandidateRegistered registered
                && registered.email() != null) {
            return Optional.of(registered.email().value());
        }
        return Optional.empty();
    }
}
