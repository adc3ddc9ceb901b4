package cn.talentportal.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Hands out global indexes (the events' {@code _id}) from one counter document, {@code {_id: "domain_events",
 * value: <last allocated>}}. Allocation is a single atomic {@code $inc}, so concurrent writers, also on several
 * portal nodes, never share an index; an allocated index whose insert fails stays a hole that tracking readers skip
 * after the gap timeout.
 */
final class GlobalIndexSequence {

    private static final String COUNTER_ID = EventFields.EVENTS_COLLECTION;
    private static final String VALUE = "value";
    private static final Bson COUNTER = Filters.eq(EventFields.ID, COUNTER_ID);
    private static final FindOneAndUpdateOptions RETURN_UPDATED =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    /**
     * The embedded server's findAndModify is not atomic under concurrent connections: two writers could read the
     * same counter value and get the same indexes (seen as duplicate-key failures of the second insert, measured by
     * GlobalIndexSequenceConcurrencyTest). Only this JVM reaches the embedded server, so one lock per JVM makes the
     * increment atomic there; on a real MongoDB the $inc is atomic across nodes and the lock costs a little
     * parallelism within a node.
     */
    private static final Object ALLOCATION = new Object();

    private final MongoCollection<Document> counters;

    GlobalIndexSequence(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /** Creates the counter document unless it exists (an upsert race would need a unique-index retry anyway). */
    void ensureCounter() {
        if (counters.find(COUNTER).first() != null) {
            return;
        }
        try {
            counters.insertOne(new Document(EventFields.ID, COUNTER_ID).append(VALUE, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Reserves {@code count} consecutive indexes and returns the first of them. */
    long allocate(int count) {
        Document counter;
        synchronized (ALLOCATION) {
            counter = counters.findOneAndUpdate(COUNTER, Updates.inc(VALUE, (long) count), RETURN_UPDATED);
        }
        if (counter == null) {
            throw new IllegalStateException("The global index counter is missing from " + counters.getNamespace());
        }
        return counter.get(VALUE, Number.class).longValue() - count + 1;
    }

    /** The highest index allocated so far (0 when none); events up to it may still be in flight. */
    long lastAllocated() {
        Document counter = counters.find(COUNTER).first();
        return counter == null ? 0 : counter.get(VALUE, Number.class).longValue();
    }
}
