package cn.talentportal.portal.notification;

import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationFailure;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationSent;
import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.domain.notification.NotificationEvents.NotificationRetryDue;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.infra.mail.MailTransport;
import cn.talentportal.infra.mail.OutgoingMail;
import cn.talentportal.portal.shared.Commands;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends each queued notification (interview mails, offer letters and expiries, job alerts), and again when its
 * retry is due, and records the outcome as an event: sent, or failed with the reason (the {@code Notification}
 * aggregate then schedules the retry or gives up). A recipient without an address fails the same way, with the
 * reason. At least once: a node that dies between sending and recording sends that message again after the restart.
 */
@Component
@ProcessingGroup(MailDelivery.PROCESSING_GROUP)
public class MailDelivery {

    public static final String PROCESSING_GROUP = "mail-delivery";
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Set<String> ALREADY_SETTLED = Set.of("notification.alreadySent", "notification.abandoned");

    private final Recipients recipients;
    private final InterviewMailComposer composer;
    private final CandidateMailComposer candidateMails;
    private final MailTransport transport;
    private final Commands commands;
    private final EventStore eventStore;

    public MailDelivery(Recipients recipients, InterviewMailComposer composer, CandidateMailComposer candidateMails,
                        MailTransport transport, Commands commands, EventStore eventStore) {
        this.recipients = recipients;
        this.composer = composer;
        this.candidateMails = candidateMails;
        this.transport = transport;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventHandler
    @DisallowReplay
    void on(NotificationQueued queued) {
        deliver(queued);
    }

    @EventHandler
    @DisallowReplay
    void on(NotificationRetryDue due) {
        DomainEventStream stream = eventStore.readEvents(due.notificationId(), 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof NotificationQueued queued) {
            deliver(queued);
        }
    }

    private void deliver(NotificationQueued queued) {
        String messageId;
        try {
            String address = recipients.addressOf(queued.recipientKind(), queued.recipientId())
                    .orElseThrow(() -> new IllegalStateException("no email address for " + queued.recipientName()));
            OutgoingMail mail = switch (queued.topic()) {
                case INTERVIEW_INVITATION, INTERVIEW_UPDATE, INTERVIEW_CANCELLATION, INTERVIEW_REMINDER ->
                        composer.compose(queued, address);
                case OFFER_LETTER, OFFER_EXPIRED, JOB_ALERT -> candidateMails.compose(queued, address);
            };
            messageId = transport.send(mail);
        } catch (RuntimeException failure) {
            log.info("Notification {} not sent: {}", queued.notificationId(), describe(failure));
            record(new RecordNotificationFailure(queued.notificationId(), describe(failure)));
            return;
        }
        record(new RecordNotificationSent(queued.notificationId(), transport.name(), messageId));
    }

    private void record(Object command) {
        try {
            commands.sendAsSystem(command);
        } catch (DomainRuleViolation refusal) {
            if (!ALREADY_SETTLED.contains(refusal.messageKey())) {
                throw refusal; // the processor retries the event
            }
        }
    }

    /** The failure and its causes in one line, e.g. "Mail server connection failed; Connection refused". */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 900; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (!text.toString().contains(message)) {
                text.append(text.length() == 0 ? "" : "; ").append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String line = text.toString().replaceAll("\\s+", " ").strip();
        return line.length() > 1000 ? line.substring(0, 1000) : line;
    }
}
