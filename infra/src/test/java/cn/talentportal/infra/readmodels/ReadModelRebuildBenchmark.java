package cn.talentportal.infra.readmodels;

import cn.talentportal.infra.axon.CombinedRebuild;
import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.testing.EmbeddedMongo;
import cn.talentportal.projections.application.ApplicationProjection;
import cn.talentportal.projections.candidate.CandidateDirectoryProjection;
import cn.talentportal.projections.drive.DriveConversionProjection;
import cn.talentportal.projections.employer.EmployerUnitProjection;
import cn.talentportal.projections.interview.InterviewProjection;
import cn.talentportal.projections.opening.OpeningProjection;
import cn.talentportal.projections.retention.RetentionCaseloadProjection;
import cn.talentportal.projections.shared.FlushBatchedWrites;
import cn.talentportal.projections.statistics.OfficeStatisticsProjection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time to rebuild all MongoDB read models from a store of realistic journey events, next to the raw driver
 * reading the same events. Three set-ups: all read models in one tracking processor (the store read and each event
 * deserialized once); the portal's (one tracking processor per read model, each reading the whole store); and the
 * portal's "rebuild all" of those caught-up processors ({@link CombinedRebuild}: reset, one processor replaying for
 * all, its token handed back to each), with its batch sizes from {@code -Dbenchmark.combinedBatches}. All must give
 * the same documents. Run:
 * {@code ./mvnw -B -Pbenchmark -pl infra -am verify -Dtest=ReadModelRebuildBenchmark -Dbenchmark.readModelEvents=1000000}
 * (default 20,000 events, for a quick check).
 */
@Tag("benchmark")
class ReadModelRebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.readModelEvents", 20_000);
    /** The largest document of each read model (characters of its JSON), printed at the end: they must stay far below
     * MongoDB's 16 MB document limit however many events there are. */
    private static final Map<String, Integer> LARGEST_DOCUMENT = new java.util.TreeMap<>();
    private static final int BATCH = Integer.getInteger("benchmark.processorBatch", 1000);
    private static final String ONE_PROCESSOR = "all-read-models";
    private static final List<Integer> COMBINED_BATCHES = java.util.Arrays.stream(
            System.getProperty("benchmark.combinedBatches", "1000,5000").split(",")).map(Integer::valueOf).toList();

    @TempDir
    Path tempDir;

    private final StringBuilder table = new StringBuilder();
    private final List<String> cpuRatios = new java.util.ArrayList<>();
    private double rawCpuMicros;

    @Test
    void rebuild_all_read_models() throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(tempDir)) {
            MongoLookupEventStorageEngine engine = mongo.engine();
            JourneyEventSeeder seeder = new JourneyEventSeeder(engine);
            long seedStart = System.nanoTime();
            long events = seeder.seed(EVENTS);
            row("seed " + events + " journey events (" + seeder.candidates + " candidates, " + seeder.placements
                    + " placed; events/s)", perSecond(events, seedStart), Double.NaN);

            rawFind(mongo.database, events); // warm-up of the driver's and the server's read path
            long cpu = cpuNanos();
            double raw = rawFind(mongo.database, events);
            double rawCpu = perEventMicros(cpuNanos() - cpu, events);
            row("raw driver: find() over the events, payload touched (events/s)", raw, Double.NaN);
            row("  cpu of find() (µs per event, client and server: one JVM)", rawCpu, Double.NaN);

            rawCpuMicros = rawCpu;
            Map<String, String> together = rebuild(mongo, engine, events, group -> ONE_PROCESSOR,
                    "all read models in one tracking processor", raw);
            dropReadModelsAndTokens(mongo);
            Configuration portal = configuration(mongo.database, engine, Function.identity());
            try {
                Map<String, String> perProcessor = rebuild(mongo, portal, events, "one tracking processor per read "
                        + "model", raw);
                assertThat(mongo.database.getCollection(ApplicationProjection.COLLECTION).countDocuments())
                        .isEqualTo(seeder.applications);
                assertThat(mongo.database.getCollection(OfficeStatisticsProjection.PLACEMENTS).countDocuments())
                        .isEqualTo(seeder.placements);
                assertThat(together).as("the same documents either way").isEqualTo(perProcessor);
                // the portal's "rebuild all" on the caught-up read models: reset, one read, tokens handed over
                for (int batch : COMBINED_BATCHES) {
                    Map<String, String> combined = combinedRebuild(mongo, portal, events, batch, raw);
                    assertThat(combined).as("the same documents after a combined rebuild").isEqualTo(perProcessor);
                }
            } finally {
                portal.shutdown();
            }
            double rawAfter = rawFind(mongo.database, events);
            row("raw driver: find() again, after the rebuilds (events/s)", rawAfter, Double.NaN);
        }
        cpuRatios.forEach(ratio -> table.append("cpu ratio (find() = 100 %), ").append(ratio).append('\n'));
        LARGEST_DOCUMENT.forEach((collection, characters) -> table.append("largest document of ").append(collection)
                .append(": ").append(String.format("%,d", characters)).append(" characters of JSON\n"));
        System.out.println("\n=== Read-model rebuild benchmark (embedded server, H2 file backend) ===\n" + table);
    }

    /** Drops the read models and tokens, rebuilds from the tail, returns a digest of every collection. */
    private Map<String, String> rebuild(EmbeddedMongo mongo, MongoLookupEventStorageEngine engine, long events,
                                        Function<String, String> processorOfGroup, String name, double raw)
            throws InterruptedException {
        dropReadModelsAndTokens(mongo);
        Configuration configuration = configuration(mongo.database, engine, processorOfGroup);
        try {
            return rebuild(mongo, configuration, events, name, raw);
        } finally {
            configuration.shutdown();
        }
    }

    /** Starts this configuration's processors (on no read models and tokens), waits until they caught up. */
    private Map<String, String> rebuild(EmbeddedMongo mongo, Configuration configuration, long events, String name,
                                        double raw) throws InterruptedException {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        configuration.start();
        List<StreamingEventProcessor> processors = configuration.eventProcessingConfiguration().eventProcessors()
                .values().stream().map(StreamingEventProcessor.class::cast).toList();
        awaitPosition(processors, events, Duration.ofHours(2));
        measured("rebuild, " + name + " (" + processors.size() + " processors; events/s)", name, events, start, cpu,
                raw);
        return digest(mongo.database);
    }

    private static void dropReadModelsAndTokens(EmbeddedMongo mongo) {
        for (String collection : mongo.database.listCollectionNames()) {
            if (!collection.equals("domain_events") && !collection.equals("event_sequence")
                    && !collection.equals("snapshot_events")) {
                mongo.database.getCollection(collection).drop();
            }
        }
    }

    /**
     * The portal's "rebuild all" ({@link CombinedRebuild}) of this running configuration's caught-up read models:
     * the processors stopped and reset (clearing the collections), one processor replaying for all, its token
     * handed over; timed until every processor runs again at the head.
     */
    private Map<String, String> combinedRebuild(EmbeddedMongo mongo, Configuration configuration, long events,
                                                int batch, double raw) throws InterruptedException {
        List<StreamingEventProcessor> processors = configuration.eventProcessingConfiguration().eventProcessors()
                .values().stream().map(StreamingEventProcessor.class::cast).toList();
        awaitPosition(processors, events, Duration.ofMinutes(1));
        CombinedRebuild rebuild = new CombinedRebuild(configuration.eventProcessingConfiguration(),
                configuration.eventStore(), processors.stream().map(StreamingEventProcessor::getName).toList(),
                batch);
        long cpu = cpuNanos();
        long start = System.nanoTime();
        rebuild.start();
        awaitPosition(List.of(rebuild.processor()), events, Duration.ofHours(2));
        rebuild.handOver();
        awaitPosition(processors, events, Duration.ofMinutes(1));
        assertThat(processors).allMatch(StreamingEventProcessor::isRunning);
        String name = "combined rebuild of the portal's processors, batch " + batch;
        measured("rebuild, " + name + " (reset, one read, tokens handed over; events/s)", name, events, start, cpu,
                raw);
        return digest(mongo.database);
    }

    private void measured(String row, String name, long events, long startNanos, long cpuBefore, double raw) {
        double rate = perSecond(events, startNanos);
        double rebuildCpu = perEventMicros(cpuNanos() - cpuBefore, events);
        row(row, rate, raw);
        row("  cpu of the rebuild (µs per event; ratio: find()'s cpu over the rebuild's)", rebuildCpu, Double.NaN);
        cpuRatios.add(String.format(Locale.ROOT, "%s: %.0f %%", name, 100 * rawCpuMicros / rebuildCpu));
    }

    private static Configuration configuration(MongoDatabase database, MongoLookupEventStorageEngine engine,
                                               Function<String, String> processorOfGroup) {
        TokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(EventSerializers.jackson())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        List<Object> readModels = List.of(
                new ApplicationProjection(database, SimpleQueryUpdateEmitter.builder().build()),
                new InterviewProjection(database),
                new RetentionCaseloadProjection(database), new DriveConversionProjection(database),
                new OfficeStatisticsProjection(database), new OpeningProjection(database),
                new EmployerUnitProjection(database), new CandidateDirectoryProjection(database));
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventSerializers.jackson())
                .configureEmbeddedEventStore(c -> engine)
                .eventProcessing(processing -> {
                    // as the portal's ProcessorConfiguration
                    EventProcessingConfigurer configured = processing.usingTrackingEventProcessors()
                            .registerTokenStore(c -> tokenStore)
                            .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                            .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                                    .forSingleThreadedProcessing()
                                    .andBatchSize(BATCH)
                                    .andInitialTrackingToken(source -> source.createTailToken()))
                            .registerDefaultHandlerInterceptor((c, processor) -> new FlushBatchedWrites())
                            .assignProcessingGroup(processorOfGroup::apply);
                    readModels.forEach(readModel -> configured.registerEventHandler(c -> readModel));
                })
                .buildConfiguration();
    }

    private static void awaitPosition(List<StreamingEventProcessor> processors, long position, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = processors.stream().allMatch(p -> !p.processingStatus().isEmpty()
                    && p.processingStatus().values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= position));
            if (done) {
                return;
            }
            if (processors.stream().anyMatch(StreamingEventProcessor::isError)) {
                throw new AssertionError("a processor failed");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not caught up to " + position + " in " + timeout);
    }

    /** Every read-model collection's documents in id order, as one hash each: equal digests, equal documents. */
    private static Map<String, String> digest(MongoDatabase database) {
        Map<String, String> digests = new LinkedHashMap<>();
        database.listCollectionNames().into(new java.util.TreeSet<>()).forEach(collection -> {
            if (collection.startsWith("domain_events") || collection.equals("event_sequence")
                    || collection.equals("trackingtokens") || collection.equals("snapshot_events")) {
                return;
            }
            long count = 0;
            long hash = 17;
            int largest = 0;
            // Small driver batches: a reply of the embedded server may not exceed the driver's 48 MB.
            for (Document document : database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .batchSize(16)) {
                count++;
                String json = document.toJson();
                hash = hash * 31 + json.hashCode();
                largest = Math.max(largest, json.length());
            }
            digests.put(collection, count + ":" + Long.toHexString(hash));
            LARGEST_DOCUMENT.merge(collection, largest, Math::max);
        });
        return digests;
    }

    private static double rawFind(MongoDatabase database, long size) {
        long start = System.nanoTime();
        long count = 0;
        long chars = 0;
        for (Document document : database.getCollection("domain_events").find().batchSize(1000)) {
            count++;
            chars += document.getString("payload").length();
        }
        assertThat(count).isEqualTo(size);
        assertThat(chars).isPositive();
        return perSecond(size, start);
    }

    /** Process CPU time: steadier than events/s on a machine shared with other builds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double perEventMicros(long nanos, long events) {
        return nanos / 1e3 / events;
    }

    private static double perSecond(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private void row(String measure, double value, double raw) {
        String ratio = Double.isNaN(raw) ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * value / raw);
        String line = String.format(Locale.ROOT, "| %-90s | %10s | %6s |%n", measure,
                String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value), ratio);
        table.append(line);
        System.out.print(line);
    }
}
