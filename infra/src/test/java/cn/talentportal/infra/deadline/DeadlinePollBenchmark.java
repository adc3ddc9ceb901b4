package cn.talentportal.infra.deadline;

import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.testing.EmbeddedMongo;
import com.mongodb.WriteConcern;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What one poll costs on the embedded server, where the due-query scans the {@code deadlines} collection, by the
 * number of pending (not yet due) deadlines. Run: {@code ./mvnw -B -Pbenchmark -pl infra -am verify
 * -Dtest=DeadlinePollBenchmark}.
 */
@Tag("benchmark")
class DeadlinePollBenchmark {

    @TempDir
    Path dataDir;

    @Test
    void measure() {
        StringBuilder table = new StringBuilder("| pending deadlines | one poll, nothing due (ms) | 10 due among them: poll + claim (ms) |\n|---:|---:|---:|\n");
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        DeadlineDocuments documents = new DeadlineDocuments(EventSerializers.jackson());
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir)) {
            DeadlineStore store = new DeadlineStore(mongo.database, WriteConcern.ACKNOWLEDGED);
            store.createIndexes(false);
            var collection = mongo.database.getCollection(DeadlineDocuments.COLLECTION);
            int pending = 0;
            for (int size : new int[]{1_000, 5_000, 20_000, 50_000, 100_000}) {
                List<Document> batch = new ArrayList<>();
                for (; pending < size; pending++) {
                    Instant at = now.plus(Duration.ofDays(1 + pending % 1800));
                    batch.add(documents.scheduled(UUID.randomUUID().toString(),
                            new AggregateScopeDescriptor("RetentionCase", "case-" + pending),
                            GenericDeadlineMessage.asDeadlineMessage("milestone", new Reminder.Due("year", 0), at), at));
                    if (batch.size() == 1_000) {
                        collection.insertMany(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch);
                }
                mongo.server.commit();
                for (int i = 0; i < 10; i++) {
                    store.due(now, 100);
                }
                int rounds = 20;
                long started = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    store.due(now, 100);
                }
                double idleMs = (System.nanoTime() - started) / 1e6 / rounds;

                List<Document> due = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    due.add(documents.scheduled(UUID.randomUUID().toString(),
                            new AggregateScopeDescriptor("Interview", "i-" + i),
                            GenericDeadlineMessage.asDeadlineMessage("reminder", null, now), now.minusSeconds(1)));
                }
                collection.insertMany(due);
                started = System.nanoTime();
                for (DeadlineStore.Due deadline : store.due(now, 100)) {
                    String claim = DeadlineDocuments.newToken();
                    store.claim(deadline, "bench", claim, now.plusSeconds(120)).orElseThrow();
                    store.fired(claim);
                }
                double dueMs = (System.nanoTime() - started) / 1e6;
                table.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f |%n", size, idleMs, dueMs));
            }
        }
        System.out.println("\n=== Deadline poll on the embedded server (H2 file backend) ===\n" + table);
    }
}
