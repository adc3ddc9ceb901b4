package cn.talentportal.infra.mail;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The embedded default when no SMTP server is configured: every message lands in the {@code mail_outbox} collection,
 * which administrators read on the outbox page, so a newcomer sees what would be sent. Nothing leaves the machine.
 */
public class OutboxMailTransport implements MailTransport, Outbox {

    static final String COLLECTION = "mail_outbox";

    private final MongoCollection<Document> outbox;
    private final Clock clock;

    public OutboxMailTransport(MongoDatabase database, Clock clock) {
        this.outbox = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public String send(OutgoingMail mail) {
        String id = UUID.randomUUID().toString();
        outbox.insertOne(new Document("_id", id)
                .append("notificationId", mail.notificationId())
                .append("to", mail.to())
                .append("toName", mail.toName())
                .append("subject", mail.subject())
                .append("text", mail.text())
                .append("calendar", mail.calendar())
                .append("calendarMethod", mail.calendarMethod())
                .append("sentAt", Date.from(clock.instant())));
        return id;
    }

    @Override
    public List<OutboxEntry> latest(int limit) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Document d : outbox.find().sort(Sorts.descending("sentAt")).limit(limit)) {
            entries.add(new OutboxEntry(d.getString("_id"), d.getDate("sentAt").toInstant(),
                    new OutgoingMail(d.getString("notificationId"), d.getString("to"), d.getString("toName"),
                            d.getString("subject"), d.getString("text"), d.getString("calendar"),
                            d.getString("calendarMethod"))));
        }
        return entries;
    }

    @Override
    public void eraseMailTo(Collection<String> addresses) {
        if (!addresses.isEmpty()) {
            outbox.deleteMany(Filters.in("to", addresses));
        }
    }

    @Override
    public boolean active() {
        return true;
    }
}
