package cn.talentportal.domain.notification;

/**
 * What a message is about; the portal renders its text and attachments from the topic and what it is about:
 * an interview's event, an offer's event in the candidate's stream (extended: the offer letter; expired), or a job
 * alert in the candidate's alerts stream (decision 0018).
 */
public enum NotificationTopic {
    INTERVIEW_INVITATION, INTERVIEW_UPDATE, INTERVIEW_CANCELLATION, INTERVIEW_REMINDER,
    OFFER_LETTER, OFFER_EXPIRED, JOB_ALERT
}
