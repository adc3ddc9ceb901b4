package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.eventstore.TestEvents.CandidateNoted;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A real Axon configuration with one tracking processor over the engine, tokens in axon-mongo's token store. */
final class ProcessorRig implements AutoCloseable {

    static final String PROCESSOR = "candidate-projection";

    final CountingHandler handler = new CountingHandler();
    private final EmbeddedStore store;
    private final Configuration configuration;

    ProcessorRig(EmbeddedStore store, MongoLookupEventStorageEngine engine, int batchSize) {
        this.store = store;
        TokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database).build())
                .serializer(EventSerializers.jackson())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        this.configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventSerializers.jackson())
                .configureEmbeddedEventStore(c -> engine)
                .eventProcessing(processing -> processing
                        .registerTokenStore(c -> tokenStore)
                        .registerTrackingEventProcessor(PROCESSOR, Configuration::eventStore, c ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(batchSize)
                                        // Axon's default start is a replay token up to the head: a new
                                        // projection would see history flagged as replay. Start plainly.
                                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                        .registerEventHandler(c -> handler))
                .buildConfiguration();
    }

    void start() {
        configuration.start();
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
    }

    @ProcessingGroup(PROCESSOR)
    static final class CountingHandler {
        final AtomicLong regular = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong payloadChars = new AtomicLong();

        @EventHandler
        void on(CandidateNoted event, ReplayStatus status) {
            // Touch the payload so deserialization cannot be skipped.
            payloadChars.addAndGet(event.note().length());
            (status.isReplay() ? replayed : regular).incrementAndGet();
        }
    }
}
