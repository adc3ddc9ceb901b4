package cn.talentportal.domain.notification;

import cn.talentportal.domain.notification.NotificationCommands.QueueNotification;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationFailure;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationSent;
import cn.talentportal.domain.notification.NotificationEvents.NotificationAbandoned;
import cn.talentportal.domain.notification.NotificationEvents.NotificationAttemptFailed;
import cn.talentportal.domain.notification.NotificationEvents.NotificationQueued;
import cn.talentportal.domain.notification.NotificationEvents.NotificationRetryDue;
import cn.talentportal.domain.notification.NotificationEvents.NotificationSent;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One message to one recipient (decision 0013): queued, then sent or failed. A failed attempt is retried by a
 * deadline after a growing delay ({@link #RETRY_DELAYS}); after the last one the message is abandoned with its
 * error, never silently dropped. Interview invitations and reminders use it; job alerts and offer letters can too.
 */
public class Notification {

    /** Waits before the 2nd, 3rd, ... attempt: five attempts over about two and a half hours. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    static final String RETRY = "notificationRetry";

    @AggregateIdentifier
    private String notificationId;
    private String candidateId;
    private NotificationTopic topic;
    private int attempts;
    private boolean sent;
    private boolean abandoned;

    protected Notification() {
        // for Axon
    }

    @CommandHandler
    public Notification(QueueNotification command, Clock clock) {
        Require.text(command.notificationId(), "notification.id", 128);
        Require.present(command.topic(), "notification.topic");
        Require.text(command.aboutId(), "notification.about", 128);
        Require.present(command.recipientKind(), "notification.recipientKind");
        Require.text(command.recipientId(), "notification.recipient", 128);
        String name = Require.text(command.recipientName(), "notification.recipientName", 100);
        apply(new NotificationQueued(command.notificationId(), command.topic(), command.aboutId(),
                command.aboutVersion(), command.candidateId(), command.recipientKind(), command.recipientId(), name,
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordNotificationSent command, Clock clock) {
        refuseOnceSettled();
        String transport = Require.text(command.transport(), "notification.transport", 20);
        String messageId = Require.optionalText(command.messageId(), "notification.messageId", 300);
        apply(new NotificationSent(notificationId, candidateId, attempts + 1, transport, messageId, clock.instant()));
    }

    @CommandHandler
    public void handle(RecordNotificationFailure command, Clock clock, DeadlineManager deadlines) {
        refuseOnceSettled();
        String error = Require.text(command.error(), "notification.error", 1000);
        Instant now = clock.instant();
        int attempt = attempts + 1;
        if (attempt <= RETRY_DELAYS.size()) {
            Instant retryAt = now.plus(RETRY_DELAYS.get(attempt - 1));
            apply(new NotificationAttemptFailed(notificationId, candidateId, attempt, error, now, retryAt));
            deadlines.schedule(retryAt, RETRY, attempt + 1);
        } else {
            apply(new NotificationAttemptFailed(notificationId, candidateId, attempt, error, now, null));
            apply(new NotificationAbandoned(notificationId, candidateId, attempt, error, now));
        }
    }

    @DeadlineHandler(deadlineName = RETRY)
    void retry(Integer attempt) {
        // a deadline fires at least once: a second firing, or one after the message went out, changes nothing
        if (!sent && !abandoned && attempt == attempts + 1) {
            apply(new NotificationRetryDue(notificationId, candidateId, topic, attempt));
        }
    }

    private void refuseOnceSettled() {
        if (sent) {
            throw new DomainRuleViolation("notification.alreadySent");
        }
        if (abandoned) {
            throw new DomainRuleViolation("notification.abandoned");
        }
    }

    @EventSourcingHandler
    void on(NotificationQueued event) {
        notificationId = event.notificationId();
        candidateId = event.candidateId();
        topic = event.topic();
    }

    @EventSourcingHandler
    void on(NotificationSent event) {
        sent = true;
    }

    @EventSourcingHandler
    void on(NotificationAttemptFailed event) {
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(NotificationAbandoned event) {
        abandoned = true;
    }
}
