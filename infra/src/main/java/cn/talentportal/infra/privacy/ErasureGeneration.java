package cn.talentportal.infra.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A count of erasures kept in MongoDB for every portal node: an erasure carried out on one node advances it, and each
 * node, polling it by its id every {@code interval}, then drops whatever it holds decrypted (data keys, as-of replay
 * copies). Without it another node would go on reading an erased person's data from its caches until they expire
 * (decision 0026). One exact-key lookup per interval and node; erasures are rare, so dropping everything is cheap.
 */
public final class ErasureGeneration implements AutoCloseable {

    public static final String COLLECTION = "personal_data_erasures";
    private static final String ID = "generation";
    private static final Logger LOG = LoggerFactory.getLogger(ErasureGeneration.class);

    private final MongoCollection<Document> counter;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seen;
    private final ScheduledExecutorService poller;

    public ErasureGeneration(MongoDatabase database, Duration interval) {
        this.counter = database.getCollection(COLLECTION);
        this.seen = new AtomicLong(read());
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "erasure-generation");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code listener} whenever an erasure has been carried out on any node since the last look. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** After keys were erased: every node forgets what it decrypted, this one at once. */
    public void advance() {
        counter.updateOne(Filters.eq("_id", ID), Updates.inc("value", 1L), new UpdateOptions().upsert(true));
        poll();
    }

    void poll() {
        long now = read();
        if (seen.getAndSet(now) != now) {
            listeners.forEach(Runnable::run);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the erasure count; trying again: {}", e.toString());
        }
    }

    private long read() {
        Document current = counter.find(Filters.eq("_id", ID)).first();
        return current == null ? 0 : current.get("value", Number.class).longValue();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
