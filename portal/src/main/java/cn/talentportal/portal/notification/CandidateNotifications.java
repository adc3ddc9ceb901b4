package cn.talentportal.portal.notification;

import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlerts;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentGiven;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.notification.NotificationCommands.QueueNotification;
import cn.talentportal.domain.notification.NotificationTopic;
import cn.talentportal.domain.notification.RecipientKind;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.PortalFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The process that mails candidates about their offers and job alerts (decision 0018), on the same path as the
 * interview mails: it queues one {@code Notification} per event, {@link MailDelivery} sends it.
 * <ul>
 *   <li>{@code OfferExtended}: the offer letter ({@link NotificationTopic#OFFER_LETTER});</li>
 *   <li>{@code OfferExpired}: the offer lapsed unanswered ({@link NotificationTopic#OFFER_EXPIRED});</li>
 *   <li>{@code JobAlertRaised}: a mail per alert, at most {@link #ALERT_MAILS_PER_DAY} per candidate and office day
 *       (Asia/Shanghai); later alerts of that day are in the portal's bell only. Only while the candidate consents
 *       to {@link ConsentPurpose#JOB_ALERT_MAIL} at the alert's time: an alert mail is optional.</li>
 * </ul>
 * The offer mails go regardless of the optional consents: they are part of the application the candidate asked
 * for, processed under their consent to data use (decision 0029).
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
    private static final Logger LOG = LoggerFactory.getLogger(CandidateNotifications.class);
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
        CandidateAsOf candidate = candidateAsOf(event.candidateId(), raisedAt);
        if (candidate == null) {
            // retrying cannot make a registration appear, and would hold up every later mail of this process
            LOG.warn("Job alert {} of candidate {} not mailed: no such registration", version, event.candidateId());
            return;
        }
        if (!candidate.consents().contains(ConsentPurpose.JOB_ALERT_MAIL)) {
            return; // the bell shows it; without the consent no alert is mailed
        }
        if (alertsEarlierThatDay(alertsId, version, raisedAt) >= ALERT_MAILS_PER_DAY) {
            return; // the bell shows it; the mail says that only the first few of a day are mailed
        }
        queue(NotificationTopic.JOB_ALERT, alertsId, version, event.candidateId(), candidate.name());
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

    /**
     * The candidate's name as it stands (registered, or changed on the profile since) and the consents they held
     * when the alert was raised: a redelivered alert is decided the same, a consent given later mails no old alert.
     * Null if the candidate never registered.
     */
    private CandidateAsOf candidateAsOf(String candidateId, Instant at) {
        String name = null;
        Set<ConsentPurpose> consents = EnumSet.noneOf(ConsentPurpose.class);
        DomainEventStream stream = eventStore.readEvents(candidateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            boolean byThen = !message.getTimestamp().isAfter(at);
            switch (message.getPayload()) {
                case CandidateRegistered registered -> {
                    name = registered.fullName();
                    consents.addAll(registered.consent().purposes());
                }
                case CandidateProfileUpdated updated when updated.fullName() != null -> name = updated.fullName();
                case ConsentGiven given when byThen -> consents.add(given.purpose());
                case ConsentWithdrawn withdrawn when byThen -> consents.remove(withdrawn.purpose());
                default -> { }
            }
        }
        return name == null ? null : new CandidateAsOf(name, consents);
    }

    private record CandidateAsOf(String name, Set<ConsentPurpose> consents) {
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
