package cn.talentportal.domain.notification;

/** What a message is about; the portal renders its text and attachments from the topic and what it is about. */
public enum NotificationTopic {
    INTERVIEW_INVITATION, INTERVIEW_UPDATE, INTERVIEW_CANCELLATION, INTERVIEW_REMINDER
}
