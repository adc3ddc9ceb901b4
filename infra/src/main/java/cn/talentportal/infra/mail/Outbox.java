package cn.talentportal.infra.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** What the outbox page shows: the latest messages written to the outbox, newest first. */
public interface Outbox {

    List<OutboxEntry> latest(int limit);

    /** False when mail goes to a real SMTP server: the page says so instead of listing. */
    boolean active();

    /** Deletes every kept message addressed to one of {@code addresses} (a person's data erased, decision 0026). */
    void eraseMailTo(Collection<String> addresses);

    record OutboxEntry(String id, Instant sentAt, OutgoingMail mail) {
    }
}
