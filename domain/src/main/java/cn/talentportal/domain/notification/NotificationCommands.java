package cn.talentportal.domain.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the notification path: queued by a process reacting to events, delivered by the mail sender. */
public final class NotificationCommands {

    private NotificationCommands() {
    }

    /**
     * {@code aboutId} and {@code aboutVersion} name the stream and the event the message is about (an interview
     * and the sequence number of its scheduling, rescheduling, cancellation or reminder), so the message can be
     * rendered as things stood then. The id is derived from that event and the recipient: queuing twice is refused.
     */
    public record QueueNotification(@TargetAggregateIdentifier String notificationId, NotificationTopic topic,
                                    String aboutId, long aboutVersion, String candidateId,
                                    RecipientKind recipientKind, String recipientId, String recipientName) {
    }

    /** {@code transport} is how it left ("smtp", or "outbox" when no mail server is configured). */
    public record RecordNotificationSent(@TargetAggregateIdentifier String notificationId, String transport,
                                         String messageId) {
    }

    public record RecordNotificationFailure(@TargetAggregateIdentifier String notificationId, String error) {
    }
}
