package cn.talentportal.portal.benchmark;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import cn.talentportal.portal.lifecycle.PortalProcess;
import cn.talentportal.portal.shared.Commands;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands through the portal's own path (command gateway with audit metadata, aggregate, engine append, durable
 * store commit) next to the raw driver writing the same stored documents with the same unique index and the same
 * store commit: the ceiling for a durable single-event command on the embedded default.
 */
@Tag("benchmark")
class CommandThroughputBenchmark {

    static final int COMMANDS = Integer.getInteger("benchmark.commands", 5_000);
    static final int WARM_UP = 500;
    static final int CLIENTS = 8;

    @TempDir
    Path dataDir;

    @Test
    void commands_next_to_raw_inserts() throws InterruptedException {
        try (ConfigurableApplicationContext portal = PortalProcess.startInThisJvm(dataDir,
                "--talent.demo.enabled=false", "--logging.level.root=WARN")) {
            Commands commands = portal.getBean(Commands.class);
            MongoDatabase database = portal.getBean(MongoDatabase.class);
            EmbeddedMongoServer server = portal.getBean(EmbeddedMongoServer.class);

            EventProcessingConfiguration processing = portal.getBean(EventProcessingConfiguration.class);

            for (int i = 0; i < WARM_UP; i++) {
                register(commands, i);
            }
            long start = System.nanoTime();
            for (int i = 0; i < COMMANDS; i++) {
                register(commands, WARM_UP + i);
            }
            double withProjections = COMMANDS / seconds(start);

            // the append path alone: projections paused (they catch up from their tokens afterwards)
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            start = System.nanoTime();
            for (int i = 0; i < COMMANDS; i++) {
                register(commands, WARM_UP + COMMANDS + i);
            }
            double commandsPerSecond = COMMANDS / seconds(start);
            int offset = WARM_UP + 2 * COMMANDS;
            double concurrentCommands = concurrently(i -> register(commands, offset + i));

            Document sample = database.getCollection("domain_events").find().first();
            assertThat(sample).as("a stored event to copy").isNotNull();
            MongoCollection<Document> raw = database.getCollection("raw_ceiling");
            raw.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < WARM_UP; i++) {
                rawInsert(raw, sample, -1 - i, server);
            }
            start = System.nanoTime();
            for (int i = 0; i < COMMANDS; i++) {
                rawInsert(raw, sample, i, server);
            }
            double rawPerSecond = COMMANDS / seconds(start);
            double concurrentRaw = concurrently(i -> rawInsert(raw, sample, COMMANDS + i, server));

            System.out.printf("%n=== Commands on the embedded default (%,d sequential RegisterCandidate commands) ===%n",
                    COMMANDS);
            System.out.printf("%-62s %,10.0f /s%n", "commands, 5 projections following live", withProjections);
            System.out.printf("%-62s %,10.0f /s%n", "commands through the gateway (acknowledged, durable)",
                    commandsPerSecond);
            System.out.printf("%-62s %,10.0f /s%n", "raw insertOne of the same event document + store commit",
                    rawPerSecond);
            System.out.printf("%-62s %9.0f %%%n", "ratio, commands alone", 100 * commandsPerSecond / rawPerSecond);
            System.out.printf("%-62s %9.0f %%%n", "ratio, with projections following",
                    100 * withProjections / rawPerSecond);
            System.out.printf("%-62s %,10.0f /s%n", CLIENTS + " concurrent clients: commands alone", concurrentCommands);
            System.out.printf("%-62s %,10.0f /s%n", CLIENTS + " concurrent clients: raw insertOne + store commit",
                    concurrentRaw);
            System.out.printf("%-62s %9.0f %%%n%n", "ratio, concurrent", 100 * concurrentCommands / concurrentRaw);
            assertThat(commandsPerSecond).isPositive();
        }
    }

    private static void register(Commands commands, int i) {
        // phone and email are unique per candidate
        commands.sendAsSystem(new RegisterCandidate(UUID.randomUUID().toString(), "基准测试" + i,
                new PhoneNumber(String.format("135%08d", i)), new EmailAddress("bench" + i + "@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, null, null, null, null, null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
    }

    private static void rawInsert(MongoCollection<Document> raw, Document sample, long id, EmbeddedMongoServer server) {
        Document copy = new Document(sample);
        copy.put("_id", id);
        copy.put("streamKey", UUID.randomUUID() + "/0");
        raw.insertOne(copy);
        server.commit();
    }

    /** {@value #CLIENTS} clients share the work of {@link #COMMANDS} operations; returns operations per second. */
    private static double concurrently(IntConsumer operation) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < COMMANDS; i = next.getAndIncrement()) {
                    operation.accept(i);
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        return COMMANDS / seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
