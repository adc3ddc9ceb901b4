package cn.talentportal.infra.deadline;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.talentportal.infra.deadline.DeadlineDocuments.ATTEMPTS;
import static cn.talentportal.infra.deadline.DeadlineDocuments.FIRE_AT;
import static cn.talentportal.infra.deadline.DeadlineDocuments.FIRING;
import static cn.talentportal.infra.deadline.DeadlineDocuments.ID;
import static cn.talentportal.infra.deadline.DeadlineDocuments.LAST_ERROR;
import static cn.talentportal.infra.deadline.DeadlineDocuments.NAME;
import static cn.talentportal.infra.deadline.DeadlineDocuments.OWNER;
import static cn.talentportal.infra.deadline.DeadlineDocuments.SCHEDULED;
import static cn.talentportal.infra.deadline.DeadlineDocuments.SCOPE;
import static cn.talentportal.infra.deadline.DeadlineDocuments.STATUS;
import static cn.talentportal.infra.deadline.DeadlineDocuments.TOKEN;

/**
 * The {@code deadlines} collection. Only pending deadlines live here (a fired one is deleted), so the due-query and
 * the cancellations by name, which scan the collection on the embedded server, stay cheap; every other access is an
 * exact match on {@code _id} or on the unique {@code token}.
 */
final class DeadlineStore {

    private static final Object CLAIMS = new Object();

    private static final int MAX_ERROR_LENGTH = 2_000;

    private final MongoCollection<Document> deadlines;

    DeadlineStore(MongoDatabase database, WriteConcern writeConcern) {
        this.deadlines = database.getCollection(DeadlineDocuments.COLLECTION).withWriteConcern(writeConcern);
    }

    /**
     * The unique {@code token} index everywhere; the range and name indexes only on a real MongoDB (the embedded
     * server ignores non-unique indexes, and logs a warning for each).
     */
    void createIndexes(boolean secondary) {
        deadlines.createIndex(Indexes.ascending(TOKEN), new IndexOptions().unique(true));
        if (secondary) {
            deadlines.createIndex(Indexes.ascending(FIRE_AT));
            deadlines.createIndex(Indexes.ascending(NAME, SCOPE));
        }
    }

    void insert(Document deadline) {
        deadlines.insertOne(deadline);
    }

    /** Puts back deadlines a rolled-back cancellation removed; one that is there again is left alone. */
    void restore(List<Document> removed) {
        for (Document deadline : removed) {
            try {
                deadlines.insertOne(deadline);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the deadline with that id if it has that name, and returns it, so a rollback can restore it. */
    List<Document> remove(String id, String deadlineName) {
        Document deadline = deadlines.find(Filters.eq(ID, id)).first();
        if (deadline == null || !deadlineName.equals(deadline.getString(NAME))) {
            return List.of();
        }
        deadlines.deleteOne(Filters.eq(ID, id));
        return List.of(deadline);
    }

    /** Deletes the matching deadlines and returns them, so a rollback can restore them. */
    List<Document> remove(Bson filter) {
        List<Document> removed = deadlines.find(filter).into(new ArrayList<>());
        if (!removed.isEmpty()) {
            deadlines.deleteMany(Filters.in(ID, removed.stream().map(d -> d.get(ID)).toList()));
        }
        return removed;
    }

    void delete(String id) {
        deadlines.deleteOne(Filters.eq(ID, id));
    }

    /** Deadlines due at {@code now}, earliest first: new ones, retries, and those whose lease ran out. */
    List<Due> due(Instant now, int limit) {
        return deadlines.find(Filters.lte(FIRE_AT, now.toEpochMilli()))
                .sort(Sorts.ascending(FIRE_AT))
                .projection(Projections.include(ID, TOKEN))
                .limit(limit)
                .map(d -> new Due(d.getString(ID), d.getString(TOKEN)))
                .into(new ArrayList<>());
    }

    /**
     * Takes a due deadline for this node until {@code leaseUntil}, if it is still as the due-query saw it. Atomic:
     * of two nodes asking, one gets the document and the other nothing, because the first replaces the token.
     */
    Optional<Document> claim(Due due, String owner, String claimToken, Instant leaseUntil) {
        // the embedded server's findAndModify is not atomic under concurrent connections (see GlobalIndexSequence):
        // one claim at a time per JVM; on a real MongoDB the filter on the token makes it atomic across nodes
        synchronized (CLAIMS) {
            return claimAtomically(due, owner, claimToken, leaseUntil);
        }
    }

    private Optional<Document> claimAtomically(Due due, String owner, String claimToken, Instant leaseUntil) {
        return Optional.ofNullable(deadlines.findOneAndUpdate(
                Filters.eq(TOKEN, due.token()),
                Updates.combine(
                        Updates.set(STATUS, FIRING),
                        Updates.set(OWNER, owner),
                        Updates.set(TOKEN, claimToken),
                        Updates.set(FIRE_AT, leaseUntil.toEpochMilli()),
                        Updates.inc(ATTEMPTS, 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** The deadline fired: gone, unless another node took it over meanwhile (then that node finishes it). */
    void fired(String claimToken) {
        deadlines.deleteOne(Filters.eq(TOKEN, claimToken));
    }

    /** The attempt failed: back to scheduled, for another attempt at {@code retryAt}. */
    void failed(String claimToken, Instant retryAt, String error) {
        String shortError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        deadlines.updateOne(Filters.eq(TOKEN, claimToken), Updates.combine(
                Updates.set(STATUS, SCHEDULED),
                Updates.set(FIRE_AT, retryAt.toEpochMilli()),
                Updates.set(LAST_ERROR, shortError),
                Updates.set(TOKEN, DeadlineDocuments.newToken()),
                Updates.unset(OWNER)));
    }

    long count() {
        return deadlines.countDocuments();
    }

    /** A due deadline as the due-query saw it. */
    record Due(String id, String token) {
    }
}
