package cn.talentportal.projections.shared;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read-model writes made while a tracking processor handles a batch of events go to MongoDB as one ordered bulk
 * write per collection once the batch's last event is handled ({@link FlushBatchedWrites}), that is before the
 * processor stores its token: a crash in between replays the batch, and every write here is idempotent. Outside a
 * processor's batch, writes go out at once.
 * <p>
 * A handler must not read back what it wrote earlier in the same batch: it is not in MongoDB yet.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT_UPDATE = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);

    private BatchedWrites() {
    }

    /** The document with this id becomes {@code document}, created if absent. */
    public static void replace(MongoCollection<Document> collection, String id, Document document) {
        write(collection, new ReplaceOneModel<>(Filters.eq("_id", id), document.append("_id", id), UPSERT));
    }

    public static void update(MongoCollection<Document> collection, Bson filter, Bson update) {
        write(collection, new UpdateOneModel<>(filter, update));
    }

    /**
     * Applies {@code update} to the document with this id, created if absent. With idempotent operators ($set,
     * $addToSet, $max, $setOnInsert) a replayed event changes nothing twice, and no handler needs to read first.
     */
    public static void upsert(MongoCollection<Document> collection, String id, Bson update) {
        write(collection, new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT_UPDATE));
    }

    /**
     * A store other than MongoDB (the search index) whose writes also go out once per batch, after the batch's last
     * event and before its token is stored, like the MongoDB writes.
     */
    public interface BatchedWriter {

        boolean isEmpty();

        /** Sends what is pending and forgets it; throws when the store refused any of it (the batch is retried). */
        void flush();
    }

    /**
     * The writer of this batch for {@code key}, created on first use; {@code null} outside a processor's batch,
     * where the caller writes at once.
     */
    public static <W extends BatchedWriter> W writer(String key, Supplier<W> create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        W writer = (W) pendingOf(CurrentUnitOfWork.get().root()).writers.computeIfAbsent(key, k -> create.get());
        return writer;
    }

    /** Writes what the batch of this unit of work holds, if its last event has been handled. */
    static void afterHandling(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch instanceof BatchingUnitOfWork<?> batching && !batching.isLastMessage()) {
            return;
        }
        Pending pending = batch.getResource(PENDING);
        if (pending != null) {
            pending.flush();
        }
    }

    private static void write(MongoCollection<Document> collection, WriteModel<Document> model) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(model), IN_ORDER);
            return;
        }
        pendingOf(CurrentUnitOfWork.get().root()).add(collection, model);
    }

    private static Pending pendingOf(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> {
            Pending created = new Pending();
            // Flushing here would come after the processor stored its token (its hook is registered first), so a
            // crash could lose the writes: a processor without FlushBatchedWrites is a configuration error.
            batch.onPrepareCommit(u -> created.requireFlushed());
            return created;
        });
    }

    private static final class Pending {

        private final Map<MongoNamespace, MongoCollection<Document>> collections = new LinkedHashMap<>();
        private final Map<MongoNamespace, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
        private final Map<String, BatchedWriter> writers = new LinkedHashMap<>();

        void add(MongoCollection<Document> collection, WriteModel<Document> model) {
            collections.putIfAbsent(collection.getNamespace(), collection);
            writes.computeIfAbsent(collection.getNamespace(), n -> new ArrayList<>()).add(model);
        }

        void requireFlushed() {
            if (!writes.isEmpty() || writers.values().stream().anyMatch(writer -> !writer.isEmpty())) {
                throw new IllegalStateException("Read-model writes of " + writes.keySet() + writers.keySet()
                        + " were not flushed before the batch commits: register FlushBatchedWrites as a handler interceptor of this processor");
            }
        }

        void flush() {
            writes.forEach((namespace, models) -> collections.get(namespace).bulkWrite(models, IN_ORDER));
            writes.clear();
            writers.values().forEach(BatchedWriter::flush);
        }
    }
}
