package cn.talentportal.infra.mail;

/** How mail leaves the portal: an SMTP server, or the outbox collection when none is configured. */
public interface MailTransport {

    /** Recorded with every sent message: {@code smtp} or {@code outbox}. */
    String name();

    /**
     * Sends or fails with an exception that says why (the mail server's answer, a refused connection); answers the
     * message id.
     */
    String send(OutgoingMail mail);
}
