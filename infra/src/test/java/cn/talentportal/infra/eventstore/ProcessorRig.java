package cn.talentportal.infra.eventstore;

import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.infra.axon.ReadModelCorrelation;
import cn.talentportal.infra.eventstore.TestEvents.CandidateNoted;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A real Axon configuration with one event processor over the engine, tokens in axon-mongo's token store: a
 * single-threaded {@link TrackingEventProcessor} by default, or a {@code PooledStreamingEventProcessor}
 * ({@link #pooled}).
 */
final class ProcessorRig implements AutoCloseable {

    static final String PROCESSOR = "candidate-projection";
    /** The correlation data providers of the portal ({@code AuditTrailConfiguration}). */
    static final List<CorrelationDataProvider> PORTAL_PROVIDERS = List.of(
            ReadModelCorrelation.exceptInReadModels(new MessageOriginProvider()),
            ReadModelCorrelation.exceptInReadModels(new SimpleCorrelationDataProvider(AuditMetaData.USER_ID,
                    AuditMetaData.USER_NAME, AuditMetaData.ROLE, AuditMetaData.CLIENT_ADDRESS, AuditMetaData.REASON)));

    final CountingHandler handler = new CountingHandler();
    private final EmbeddedStore store;
    private final Configuration configuration;
    private final ScheduledExecutorService workers;

    ProcessorRig(EmbeddedStore store, MongoLookupEventStorageEngine engine, int batchSize) {
        this(store, engine, batchSize, false);
    }

    /**
     * A tracking processor; {@code readModel}: its handler is treated as the portal treats its read models (no
     * correlation data, {@link ReadModelCorrelation}), else every event gets its correlation data computed, as by
     * Axon's default and by the portal's processes that send commands. Both with the portal's providers.
     */
    ProcessorRig(EmbeddedStore store, MongoLookupEventStorageEngine engine, int batchSize, boolean readModel) {
        this.store = store;
        this.workers = null;
        TokenStore tokenStore = tokenStore(store);
        this.configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventSerializers.jackson())
                .configureEmbeddedEventStore(c -> engine)
                .configureCorrelationDataProviders(c -> PORTAL_PROVIDERS)
                .eventProcessing(processing -> processing
                        .registerTokenStore(c -> tokenStore)
                        .registerDefaultHandlerInterceptor((c, processor) ->
                                readModel ? ReadModelCorrelation.READ_MODEL : null)
                        .registerTrackingEventProcessor(PROCESSOR, Configuration::eventStore, c ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(batchSize)
                                        // Axon's default start is a replay token up to the head: a new
                                        // projection would see history flagged as replay. Start plainly.
                                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                        .registerEventHandler(c -> handler))
                .buildConfiguration();
    }

    private ProcessorRig(EmbeddedStore store, MongoLookupEventStorageEngine engine, int batchSize, int segments,
                         int threads) {
        this.store = store;
        this.workers = Executors.newScheduledThreadPool(threads);
        TokenStore tokenStore = tokenStore(store);
        this.configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventSerializers.jackson())
                .configureEmbeddedEventStore(c -> engine)
                .eventProcessing(processing -> processing
                        .registerTokenStore(c -> tokenStore)
                        .registerPooledStreamingEventProcessor(PROCESSOR, Configuration::eventStore,
                                (c, builder) -> builder
                                        .initialSegmentCount(segments)
                                        .batchSize(batchSize)
                                        .workerExecutor(workers)
                                        .initialToken(StreamableMessageSource::createTailToken))
                        .registerEventHandler(c -> handler))
                .buildConfiguration();
    }

    /**
     * A {@code PooledStreamingEventProcessor}: one coordinator reads the stream, {@code segments} work packages
     * (the initial segment count) handle their share on a pool of {@code threads} workers.
     */
    static ProcessorRig pooled(EmbeddedStore store, MongoLookupEventStorageEngine engine, int batchSize,
                               int segments, int threads) {
        return new ProcessorRig(store, engine, batchSize, segments, threads);
    }

    private static TokenStore tokenStore(EmbeddedStore store) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database).build())
                .serializer(EventSerializers.jackson())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    void start() {
        configuration.start();
    }

    EventProcessor anyProcessor() {
        return configuration.eventProcessingConfiguration().eventProcessor(PROCESSOR).orElseThrow();
    }

    TrackingEventProcessor processor() {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, TrackingEventProcessor.class).orElseThrow();
    }

    /** Shuts the processor down, resets its token to the start and starts it again: a replay. */
    void replay() {
        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /** Waits until {@code counter} reaches {@code expected}, sampling the stored token's size meanwhile. */
    long awaitCount(LongSupplier counter, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long largestToken = 0;
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            largestToken = Math.max(largestToken, storedTokenBytes());
            Thread.sleep(20);
        }
        if (counter.getAsLong() < expected) {
            throw new AssertionError("processed " + counter.getAsLong() + " of " + expected + " events in " + timeout);
        }
        return Math.max(largestToken, storedTokenBytes());
    }

    /** Size of the serialized token as stored, read from the collection without claiming it. */
    long storedTokenBytes() {
        Document entry = store.database.getCollection("trackingtokens")
                .find(new Document("processorName", PROCESSOR)).first();
        if (entry == null || entry.get("token") == null) {
            return 0;
        }
        Object token = entry.get("token");
        return token instanceof Binary binary ? binary.length() : token.toString().length();
    }

    @Override
    public void close() {
        configuration.shutdown();
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @ProcessingGroup(PROCESSOR)
    static final class CountingHandler {
        /** The unit-of-work resource both processors set to the segment being processed. */
        private static final String SEGMENT_KEY = "Processor[" + PROCESSOR + "]/SegmentId";

        final AtomicLong regular = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong payloadChars = new AtomicLong();
        /** Events handled per segment id (the segment that handled them, as the processor reports it). */
        final AtomicLongArray perSegment = new AtomicLongArray(64);
        /** Global indexes seen, and how many were seen again: exactly-once checks. */
        private final BitSet seen = new BitSet();
        private long duplicates;

        /** When the first and the last event were handled (nanoTime; read after the counters). */
        long firstHandledNanos;
        long lastHandledNanos;

        @EventHandler
        void on(CandidateNoted event, ReplayStatus status, TrackingToken token) {
            long now = System.nanoTime();
            if (firstHandledNanos == 0) {
                firstHandledNanos = now;
            }
            lastHandledNanos = now;
            // Touch the payload so deserialization cannot be skipped.
            payloadChars.addAndGet(event.note().length());
            Integer segment = CurrentUnitOfWork.isStarted()
                    ? CurrentUnitOfWork.get().getResource(SEGMENT_KEY) : null;
            perSegment.incrementAndGet(segment == null ? 63 : segment);
            int index = Math.toIntExact(token.position().orElseThrow());
            synchronized (seen) {
                if (seen.get(index)) {
                    duplicates++;
                }
                seen.set(index);
            }
            (status.isReplay() ? replayed : regular).incrementAndGet();
        }

        /** Resets the exactly-once checks (the counters above are left alone). */
        void clearSeen() {
            synchronized (seen) {
                seen.clear();
                duplicates = 0;
            }
            for (int i = 0; i < perSegment.length(); i++) {
                perSegment.set(i, 0);
            }
        }

        long distinctSeen() {
            synchronized (seen) {
                return seen.cardinality();
            }
        }

        long duplicates() {
            synchronized (seen) {
                return duplicates;
            }
        }

        long[] perSegmentCounts() {
            long[] counts = new long[perSegment.length()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = perSegment.get(i);
            }
            return counts;
        }
    }
}
