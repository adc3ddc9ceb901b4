package cn.talentportal.infra.mail;

import java.time.Instant;
import java.util.List;

/** What the outbox page shows: the latest messages written to the outbox, newest first. */
public interface Outbox {

    List<OutboxEntry> latest(int limit);

    /** False when mail goes to a real SMTP server: the page says so instead of listing. */
    boolean active();

    record OutboxEntry(String id, Instant sentAt, OutgoingMail mail) {
    }
}
