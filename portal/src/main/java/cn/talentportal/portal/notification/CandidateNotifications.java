package cn.talentportal.portal.notification;

import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlerts;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.notification.NotificationCommands.QueueNotification;
import cn.talentportal.domain.notification.NotificationTopic;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.PortalFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * The process that mails candidates about their offers and job alerts (decision 0018), on the same path as the
 * interview mails: it queues one {@code Notification} per event, {@link MailDelivery} sends it.
 * <ul>
 *   <li>{@code OfferExtended}: the offer letter ({@link NotificationTopic#OFFER_LETTER});</li>
 *   <li>{@code OfferExpired}: the offer lapsed unanswered ({@link NotificationTopic#OFFER_EXPIRED});</li>
 *   <li>{@code JobAlertRaised}: a mail per alert, at most {@link #ALERT_MAILS_PER_DAY} per candidate and office day
 *       (Asia/Shanghai); later alerts of that day are in the portal's bell only.</li>
 * </ul>
 * The notification id comes from the event (stream, sequence number, recipient), so a redelivered event queues
 * nothing twice; the daily limit is counted from the alerts stream up to the event, so a redelivery decides the
 * same; a replay sends nothing ({@code @DisallowReplay}).
 */
@Component
@ProcessingGroup(CandidateNotifications.PROCESSING_GROUP)
public class CandidateNotifications {

    public static final String PROCESSING_GROUP = "candidate-notifications";
    /** Alert mails per candidate and day; the 6th and later alerts of a day are in the portal only. */
    public static final int ALERT_MAILS_PER_DAY = 5;
    private static final Set<String> ALREADY_QUEUED = Set.of("command.concurrentChange", "command.alreadyExists");

    private final Commands commands;
    private final EventStore eventStore;

    public CandidateNotifications(Commands commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventHandler
    @DisallowReplay
    void on(OfferExtended event, @SequenceNumber long version) {
        queue(NotificationTopic.OFFER_LETTER, event.candidateId(), version, event.candidateId(),
                event.candidateName());
    }

    @EventHandler
    @DisallowReplay
    void on(OfferExpired event, @SequenceNumber long version) {
        queue(NotificationTopic.OFFER_EXPIRED, event.candidateId(), version, event.candidateId(),
                event.candidateName());
    }

    @EventHandler
    @DisallowReplay
    void on(JobAlertRaised event, @SequenceNumber long version, @Timestamp Instant raisedAt) {
        String alertsId = JobAlerts.idOf(event.candidateId());
        if (alertsEarlierThatDay(alertsId, version, raisedAt) >= ALERT_MAILS_PER_DAY) {
            return; // the bell shows it; the mail says that only the first few of a day are mailed
        }
        queue(NotificationTopic.JOB_ALERT, alertsId, version, event.candidateId(), nameOf(event.candidateId()));
    }

    /** Alerts raised in the candidate's alerts stream before {@code version} on the same office day. */
    private long alertsEarlierThatDay(String alertsId, long version, Instant raisedAt) {
        LocalDate day = LocalDate.ofInstant(raisedAt, PortalFormats.OFFICE_ZONE);
        return eventStore.readEvents(alertsId, 0).asStream()
                .filter(m -> m.getSequenceNumber() < version && m.getPayload() instanceof JobAlertRaised)
                .map(DomainEventMessage::getTimestamp)
                .filter(at -> LocalDate.ofInstant(at, PortalFormats.OFFICE_ZONE).equals(day))
                .count();
    }

    /** The candidate's name as it stands: registered, or changed on the profile since. */
    private String nameOf(String candidateId) {
        String name = null;
        DomainEventStream stream = eventStore.readEvents(candidateId, 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof CandidateRegistered registered) {
                name = registered.fullName();
            } else if (payload instanceof CandidateProfileUpdated updated && updated.fullName() != null) {
                name = updated.fullName();
            }
        }
        if (name == null) {
            throw new IllegalStateException("candidate " + candidateId + " is not registered");
        }
        return name;
    }

    private void queue(NotificationTopic topic, String aboutId, long version, String candidateId, String name) {
        try {
            commands.sendAsSystem(new QueueNotification(
                    InterviewNotifications.notificationIdFor(aboutId, version, candidateId), topic, aboutId, version,
                    candidateId, RecipientKind.CANDIDATE, candidateId, name));
        } catch (DomainRuleViolation refusal) {
            if (!ALREADY_QUEUED.contains(refusal.messageKey())) {
                throw refusal; // the processor retries the event: nothing is lost
            }
            // already queued when this event was delivered before
        } catch (AggregateStreamCreationException alreadyQueued) {
            // the same: the notification's stream exists
        }
    }
}
