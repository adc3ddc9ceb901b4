package cn.talentportal.domain.notification;

/**
 * Whom a message goes to: a candidate (address from their registration) or a user account (a recruiter). Events
 * name the recipient by id only; the address is personal data and is looked up when the message is sent.
 */
public enum RecipientKind {
    CANDIDATE, USER
}
