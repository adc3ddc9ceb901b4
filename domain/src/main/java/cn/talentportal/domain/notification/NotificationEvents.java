package cn.talentportal.domain.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Every message the portal sends, and every attempt: an auditor sees who was told what and when, and that no
 * message was lost (it is sent, or it failed for good with the last error). No email address is stored here.
 */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    @Revision("1")
    public record NotificationQueued(String notificationId, NotificationTopic topic, String aboutId,
                                     long aboutVersion, String candidateId, RecipientKind recipientKind,
                                     String recipientId, String recipientName, Instant queuedAt) {
    }

    @Revision("1")
    public record NotificationSent(String notificationId, String candidateId, int attempt, String transport,
                                   String messageId, Instant sentAt) {
    }

    /** {@code retryAt} is when the next attempt is due; empty when this was the last attempt. */
    @Revision("1")
    public record NotificationAttemptFailed(String notificationId, String candidateId, int attempt, String error,
                                            Instant failedAt, Instant retryAt) {
    }

    /** The retry deadline fired: the mail sender tries again ({@code attempt} is the coming attempt). */
    @Revision("1")
    public record NotificationRetryDue(String notificationId, String candidateId, NotificationTopic topic,
                                       int attempt) {
    }

    /** Given up after the last attempt; an administrator sees it with its last error. */
    @Revision("1")
    public record NotificationAbandoned(String notificationId, String candidateId, int attempts, String lastError,
                                        Instant abandonedAt) {
    }
}
