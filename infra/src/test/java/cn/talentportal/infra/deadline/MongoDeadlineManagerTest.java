package cn.talentportal.infra.deadline;

import cn.talentportal.infra.testing.EmbeddedMongo;
import cn.talentportal.infra.testing.MutableClock;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deadline manager on the real embedded server, with a real Axon configuration and a test aggregate. */
class MongoDeadlineManagerTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void aDeadlineScheduledBeforeARestartFiresOnceWhenTheClockPassesIt() {
        String id = newId();
        Instant oneYearOn = START.plus(Duration.ofDays(365));
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            node.commands().sendAndWait(new Reminder.Plan(id, "retention milestone", oneYearOn, 0));
            assertThat(deadlines(mongo).countDocuments()).isEqualTo(1);
        }

        // Server, client and Axon restarted on the same data directory.
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            clock.advance(Duration.ofDays(365).minusSeconds(1));
            assertThat(node.deadlines.pollNow()).as("one second early").isZero();
            assertThat(node.fired(id)).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            assertThat(node.deadlines.pollNow()).isEqualTo(1);
            assertThat(node.deadlines.pollNow()).as("fired deadlines are gone").isZero();
            clock.advance(Duration.ofDays(400));
            assertThat(node.deadlines.pollNow()).isZero();

            assertThat(node.fired(id)).containsExactly(new Reminder.Fired(id, "retention milestone", 1));
            assertThat(deadlines(mongo).countDocuments()).isZero();
        }
    }

    @Test
    void cancelledDeadlinesNeverFire() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            List<String> ids = IntStream.range(0, 6).mapToObj(i -> newId()).toList();
            for (String id : ids) {
                node.commands().sendAndWait(new Reminder.Plan(id, "interview reminder", START.plusSeconds(3600), 0));
            }

            // cancelSchedule, from the aggregate's command handler (by the schedule id it kept).
            node.commands().sendAndWait(new Reminder.Cancel(ids.get(0)));
            // cancelAllWithinScope, for one aggregate.
            node.deadlines.cancelAllWithinScope(Reminder.DEADLINE, new AggregateScopeDescriptor("Reminder", ids.get(1)));
            assertThat(deadlines(mongo).countDocuments()).isEqualTo(4);

            clock.advance(Duration.ofHours(2));
            assertThat(node.deadlines.pollNow()).isEqualTo(4);
            assertThat(node.fired(ids.get(0))).isEmpty();
            assertThat(node.fired(ids.get(1))).isEmpty();
            ids.subList(2, 6).forEach(id -> assertThat(node.fired(id)).hasSize(1));

            // cancelAll, by deadline name.
            List<String> later = List.of(newId(), newId());
            for (String id : later) {
                node.commands().sendAndWait(new Reminder.Plan(id, "offer expiry", clock.instant().plusSeconds(60), 0));
            }
            node.deadlines.cancelAll(Reminder.DEADLINE);
            assertThat(deadlines(mongo).countDocuments()).isZero();
            clock.advance(Duration.ofHours(1));
            assertThat(node.deadlines.pollNow()).isZero();
            later.forEach(id -> assertThat(node.fired(id)).isEmpty());
        }
    }

    @Test
    void twoNodesOnOneStoreFireEachDeadlineOnce() throws Exception {
        int reminders = 40;
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir);
             AxonNode first = node(mongo, "node-1");
             AxonNode second = node(mongo, "node-2")) {
            List<String> ids = IntStream.range(0, reminders).mapToObj(i -> newId()).toList();
            for (int i = 0; i < reminders; i++) {
                AxonNode node = i % 2 == 0 ? first : second;
                node.commands().sendAndWait(new Reminder.Plan(ids.get(i), "reminder " + i, START.plusSeconds(60), 0));
            }
            clock.advance(Duration.ofMinutes(5));

            // Both poll at once (each call runs on its node's poller thread).
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> byFirst = callers.submit(first.deadlines::pollNow);
                Future<Integer> bySecond = callers.submit(second.deadlines::pollNow);
                int fired = byFirst.get() + bySecond.get();
                assertThat(fired).isEqualTo(reminders);
            } finally {
                callers.shutdown();
            }
            ids.forEach(id -> assertThat(first.fired(id)).as(id).hasSize(1));
            assertThat(deadlines(mongo).countDocuments()).isZero();
        }
    }

    @Test
    void aFailingHandlerIsRetriedWithGrowingDelaysUntilItSucceeds() {
        String id = newId();
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            node.commands().sendAndWait(new Reminder.Plan(id, "offer expiry", START.plusSeconds(60), 2));
            clock.advance(Duration.ofMinutes(1));

            assertThat(node.deadlines.pollNow()).isZero();
            Document afterFirst = deadlines(mongo).find().first();
            assertThat(afterFirst.getString("status")).isEqualTo("SCHEDULED");
            assertThat(afterFirst.getInteger("attempts")).isEqualTo(1);
            assertThat(afterFirst.getString("lastError")).contains("flaky handler, attempt 1");
            assertThat(afterFirst.getLong("fireAt")).isEqualTo(clock.instant().plusSeconds(10).toEpochMilli());

            assertThat(node.deadlines.pollNow()).as("not before the retry delay").isZero();
            assertThat(Reminder.ATTEMPTS.get(id)).hasValue(1);

            clock.advance(Duration.ofSeconds(10));
            assertThat(node.deadlines.pollNow()).isZero();
            assertThat(deadlines(mongo).find().first().getLong("fireAt"))
                    .as("delay doubled").isEqualTo(clock.instant().plusSeconds(20).toEpochMilli());

            clock.advance(Duration.ofSeconds(20));
            assertThat(node.deadlines.pollNow()).isEqualTo(1);
            assertThat(node.fired(id)).containsExactly(new Reminder.Fired(id, "offer expiry", 3));
            assertThat(deadlines(mongo).countDocuments()).isZero();
        }
    }

    @Test
    void aDeadlineLeftFiringByACrashedNodeFiresAgainWhenItsLeaseRunsOut() {
        String id = newId();
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            node.commands().sendAndWait(new Reminder.Plan(id, "interview reminder", START.plusSeconds(60), 0));
            clock.advance(Duration.ofMinutes(1));
            // Another node claims it and dies before firing it.
            DeadlineStore store = new DeadlineStore(mongo.database, com.mongodb.WriteConcern.ACKNOWLEDGED);
            DeadlineStore.Due due = store.due(clock.instant(), 10).getFirst();
            assertThat(store.claim(due, "crashed-node", "c1", clock.instant().plus(Duration.ofMinutes(2))))
                    .isPresent();
            assertThat(store.claim(due, "late-node", "c2", clock.instant().plus(Duration.ofMinutes(2))))
                    .as("claimed once").isEmpty();

            assertThat(node.deadlines.pollNow()).as("leased to the crashed node").isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(node.deadlines.pollNow()).isEqualTo(1);
            assertThat(node.fired(id)).hasSize(1);
        }
    }

    @Test
    void aUnitOfWorkThatRollsBackUndoesItsSchedulesAndCancellations() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            AggregateScopeDescriptor scope = new AggregateScopeDescriptor("Reminder", "r-1");

            UnitOfWork<?> scheduling = DefaultUnitOfWork.startAndGet(null);
            node.deadlines.schedule(START.plusSeconds(60), Reminder.DEADLINE, new Reminder.Due("x", 0), scope);
            failLaterInPrepareCommit(scheduling);
            assertThatThrownBy(scheduling::commit).hasMessageContaining("append failed");
            assertThat(deadlines(mongo).countDocuments()).as("schedule undone").isZero();

            String kept = node.deadlines.schedule(START.plusSeconds(60), Reminder.DEADLINE,
                    new Reminder.Due("x", 0), scope);
            UnitOfWork<?> cancelling = DefaultUnitOfWork.startAndGet(null);
            node.deadlines.cancelSchedule(Reminder.DEADLINE, kept);
            failLaterInPrepareCommit(cancelling);
            assertThatThrownBy(cancelling::commit).hasMessageContaining("append failed");
            assertThat(deadlines(mongo).find(Filters.eq("_id", kept)).first()).as("cancellation undone").isNotNull();
        }
    }

    @Test
    void aShutDownManagerRefusesToPoll() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir); AxonNode node = node(mongo, "node-1")) {
            node.deadlines.shutdown();
            node.deadlines.shutdown();
            assertThatThrownBy(node.deadlines::pollNow).isInstanceOf(IllegalStateException.class);
        }
    }

    /** The event store append that follows in the same prepare-commit phase fails (a conflict, say). */
    private static void failLaterInPrepareCommit(UnitOfWork<?> unitOfWork) {
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("append failed");
        });
    }

    private AxonNode node(EmbeddedMongo mongo, String owner) {
        return new AxonNode(mongo, clock, AxonNode.MANUAL, owner);
    }

    private static MongoCollection<Document> deadlines(EmbeddedMongo mongo) {
        return mongo.database.getCollection(DeadlineDocuments.COLLECTION);
    }

    private static String newId() {
        return "reminder-" + UUID.randomUUID();
    }
}
