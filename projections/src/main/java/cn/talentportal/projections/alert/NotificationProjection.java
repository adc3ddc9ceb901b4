package cn.talentportal.projections.alert;

import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertsRead;
import cn.talentportal.projections.alert.AlertQueries.CountUnreadNotifications;
import cn.talentportal.projections.alert.AlertQueries.FindNotifications;
import cn.talentportal.projections.alert.AlertQueries.NotificationsChanged;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/**
 * The candidate's in-portal notifications: one per job alert ({@value #NOTIFICATIONS}), and per candidate the
 * position in their alerts stream below which everything is read ({@value #READS}). Read or not is derived from
 * that position, so reading is one idempotent write however many alerts it covers, and a replay gives the same
 * answer whatever batch boundaries fall in between.
 */
@Component
@ProcessingGroup("notifications")
public class NotificationProjection {

    static final String NOTIFICATIONS = "notifications";
    static final String READS = "notification-reads";

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> reads;
    private final QueryUpdateEmitter updates;

    public NotificationProjection(MongoDatabase database, QueryUpdateEmitter updates) {
        this.updates = updates;
        this.notifications = database.getCollection(NOTIFICATIONS);
        this.reads = database.getCollection(READS);
        // ignored by the embedded wire server, used by a real MongoDB
        notifications.createIndex(Indexes.ascending("candidateId", "sequence"));
    }

    @EventHandler
    void on(JobAlertRaised event, @SequenceNumber long sequence, @Timestamp Instant raisedAt) {
        BatchedWrites.replace(notifications, event.savedSearchId() + ":" + event.openingId(),
                new Document("candidateId", event.candidateId())
                        .append("sequence", sequence)
                        .append("savedSearchId", event.savedSearchId())
                        .append("searchName", event.searchName())
                        .append("openingId", event.openingId())
                        .append("openingTitle", event.openingTitle())
                        .append("employerName", event.employerName())
                        .append("raisedAt", date(raisedAt)));
        changed(event.candidateId());
    }

    @EventHandler
    void on(JobAlertsRead event, @SequenceNumber long sequence) {
        BatchedWrites.replace(reads, event.candidateId(), new Document("readBefore", sequence));
        changed(event.candidateId());
    }

    /** Sent after the batch's unit of work commits, so a bell that counts again sees the new state. */
    private void changed(String candidateId) {
        updates.emit(CountUnreadNotifications.class, query -> query.candidateId().equals(candidateId),
                new NotificationsChanged(candidateId));
    }

    @QueryHandler
    public List<NotificationView> handle(FindNotifications query) {
        long readBefore = readBefore(query.candidateId());
        return notifications.find(Filters.eq("candidateId", query.candidateId()))
                .sort(Sorts.descending("sequence"))
                .limit(Math.clamp(query.limit(), 1, 200))
                .map(d -> new NotificationView(d.getString("savedSearchId"), d.getString("searchName"),
                        d.getString("openingId"), d.getString("openingTitle"), d.getString("employerName"),
                        instant(d, "raisedAt"), d.getLong("sequence") < readBefore))
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountUnreadNotifications query) {
        return notifications.countDocuments(Filters.and(Filters.eq("candidateId", query.candidateId()),
                Filters.gte("sequence", readBefore(query.candidateId()))));
    }

    private long readBefore(String candidateId) {
        Document read = reads.find(Filters.eq("_id", candidateId)).first();
        return read == null ? 0 : read.getLong("readBefore");
    }
}
