package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.EventChainHash;
import cn.talentportal.infra.eventstore.EventFields;
import cn.talentportal.infra.eventstore.StoredEvent;
import cn.talentportal.infra.eventstore.StoredEventCodec;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links events stored before the hash chain existed (data directories of earlier versions) into it: in global index
 * order, each hashless event gets {@code previousHash}, {@code hash} and {@code chainSealedAt} (part of the hashed
 * form, so a verification report shows these events as "sealed later at T"). Runs once per store at start-up; the
 * {@code settings/event-chain} document records that it ran. Later hashless events are not sealed automatically:
 * verification reports them as {@code UNSEALED} (written by an older build or by hand).
 */
public class EventChainSealer {

    static final String SETTINGS = "settings";
    static final String SETTING_ID = "event-chain";
    private static final Logger logger = LoggerFactory.getLogger(EventChainSealer.class);
    private static final int IDS_PER_QUERY = EventChainVerifier.IDS_PER_QUERY;

    private final MongoCollection<StoredEvent> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> settings;
    private final Clock clock;

    EventChainSealer(MongoDatabase database, Clock clock) {
        this.events = StoredEventCodec.withCodec(database).getCollection(EventFields.EVENTS_COLLECTION,
                StoredEvent.class);
        this.counters = database.getCollection(EventFields.SEQUENCE_COLLECTION);
        this.settings = database.getCollection(SETTINGS);
        this.clock = clock;
    }

    /** Seals the store's hashless events unless that was done before (recorded in {@code settings}). */
    public long sealOnce() {
        if (settings.find(Filters.eq("_id", SETTING_ID)).first() != null) {
            return 0;
        }
        long sealed = sealLegacyEvents();
        settings.replaceOne(Filters.eq("_id", SETTING_ID), new Document("_id", SETTING_ID)
                        .append("sealedAt", Date.from(clock.instant())).append("sealedEvents", sealed),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return sealed;
    }

    /**
     * Links every event without a chain link, in global index order, after the previous event of its aggregate.
     * Call it while nothing appends (at start-up). Returns how many events were sealed.
     */
    public long sealLegacyEvents() {
        Document counter = counters.find(Filters.eq("_id", EventFields.EVENTS_COLLECTION)).first();
        long last = counter == null ? 0 : counter.get("value", Number.class).longValue();
        long sealedAt = clock.millis();
        Map<String, Object[]> lastLink = new HashMap<>();
        long sealed = 0;
        long unlinkable = 0;
        List<Long> ids = new ArrayList<>(IDS_PER_QUERY);
        List<StoredEvent> window = new ArrayList<>(IDS_PER_QUERY);
        List<WriteModel<StoredEvent>> updates = new ArrayList<>();
        for (long from = 1; from <= last; from += IDS_PER_QUERY) {
            ids.clear();
            for (long id = from; id <= Math.min(from + IDS_PER_QUERY - 1, last); id++) {
                ids.add(id);
            }
            window.clear();
            events.find(Filters.in(EventFields.ID, ids)).into(window);
            window.sort(Comparator.comparingLong(StoredEvent::globalIndex));
            for (StoredEvent event : window) {
                StoredEvent linked = event;
                if (!event.isLinked()) {
                    String previous = EventChainHash.GENESIS;
                    if (event.belongsToAggregate() && event.sequenceNumber() > 0) {
                        Object[] before = lastLink.get(event.aggregateIdentifier());
                        if (before != null && (long) before[0] == event.sequenceNumber() - 1) {
                            previous = (String) before[1];
                        } else {
                            unlinkable++;
                        }
                    }
                    linked = event.sealedAfter(previous, sealedAt);
                    // By _id alone: the embedded server answers only an exact match on a unique key without
                    // scanning the collection (an extra condition such as "hash absent" made each update a scan).
                    updates.add(new UpdateOneModel<>(Filters.eq(EventFields.ID, event.globalIndex()),
                            Updates.combine(Updates.set(EventFields.SEALED_AT, new Date(sealedAt)),
                                    Updates.set(EventFields.PREVIOUS_HASH, linked.previousHash()),
                                    Updates.set(EventFields.HASH, linked.hash()))));
                    sealed++;
                }
                if (linked.belongsToAggregate()) {
                    lastLink.put(linked.aggregateIdentifier(), new Object[]{linked.sequenceNumber(), linked.hash()});
                }
            }
            if (updates.size() >= 1000) {
                events.bulkWrite(updates, new BulkWriteOptions().ordered(false));
                updates.clear();
            }
        }
        if (!updates.isEmpty()) {
            events.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
        if (sealed > 0) {
            logger.warn("Hash chain: sealed {} events stored before the chain existed (up to global index {}), at {}; "
                            + "verification reports them as sealed later{}", sealed, last, new Date(sealedAt),
                    unlinkable > 0 ? "; " + unlinkable + " of them follow a missing event and were linked to genesis"
                            : "");
        }
        return sealed;
    }
}
