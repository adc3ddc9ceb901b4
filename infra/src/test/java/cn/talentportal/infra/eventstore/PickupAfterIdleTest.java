package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.eventstore.TestEvents.CandidateNoted;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long an event appended after the portal sat idle takes to reach its tracking processors: the real engine on
 * the embedded server, Axon's {@link EmbeddedEventStore} as the portal builds it (Spring Boot's Axon
 * auto-configuration: {@link EventStoreConfiguration#embeddedEventStore}), several tracking processors configured as
 * {@code ProcessorConfiguration} does (batch 1,000, tail token, propagating error handler). Idle periods of 0, 2, 11
 * and 25 s (the event store's cache cleaner runs every 10 s), once with a clean stream and once with a permanent
 * hole (an allocated index never written, as a failed append leaves) right below each probe event. Decision 0013.
 */
class PickupAfterIdleTest {

    private static final long[] IDLE_SECONDS = {0, 2, 11, 25};
    private static final int PROCESSORS = 4;
    private static final Duration BOUND = Duration.ofMillis(1500);

    @TempDir
    Path dataDir;
    EmbeddedStore store;
    GlobalIndexSequence sequence;
    Configuration configuration;
    /** Per processor, event identifier to nanoTime of handling. */
    final List<Map<String, Long>> handled = new ArrayList<>();
    int handledBefore;

    @BeforeEach
    void start() {
        store = new EmbeddedStore(dataDir);
        MongoLookupEventStorageEngine engine = store.engineBuilder()
                .gapTimeout(Duration.ofMillis(Long.getLong("pickup.gapTimeoutMillis", 60_000))).build();
        sequence = store.sequence();
        TokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database).build())
                .serializer(EventSerializers.jackson())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventSerializers.jackson())
                .configureEventStore(c -> EventStoreConfiguration.embeddedEventStore(engine, c));
        configurer.eventProcessing(processing -> {
            processing.registerTokenStore(c -> tokenStore)
                    .usingTrackingEventProcessors()
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andBatchSize(1000)
                            .andInitialTrackingToken(source -> source.createTailToken()));
            for (int i = 0; i < PROCESSORS; i++) {
                Map<String, Long> seen = new ConcurrentHashMap<>();
                handled.add(seen);
                String group = "processor-" + i;
                long handlingMillis = i == PROCESSORS - 1 ? 20 : 0; // one slow processor, as job alerts percolating
                processing.registerEventHandler(c -> new Recorder(seen, handlingMillis))
                        .assignHandlerInstancesMatching(group, h -> h instanceof Recorder r && r.seen == seen);
            }
        });
        configuration = configurer.buildConfiguration();
        configuration.start();
    }

    @AfterEach
    void stop() {
        configuration.shutdown();
        store.close();
    }

    @Test
    void eventsAppendedAfterIdlePeriodsReachEveryProcessorPromptly() throws Exception {
        EventStore eventStore = configuration.eventStore();
        // Some history, so the processors start from the tail, catch up on private streams and then go live.
        for (int i = 0; i < 20; i++) {
            eventStore.publish(TestEvents.noted("candidate-history", i));
        }
        awaitHandled(eventStore, List.of(), Duration.ofSeconds(30));

        List<String> report = new ArrayList<>();
        long worstMillis = 0;
        int probe = 0;
        for (boolean gaps : new boolean[]{false, true}) {
            for (long idle : IDLE_SECONDS) {
                if (gaps) {
                    handledBefore = handled.get(0).size();
                    burst(eventStore, probe);
                    awaitBurst(probe);
                    restart("processor-0");
                }
                Thread.sleep(idle * 1000);
                if (gaps) {
                    sequence.allocate(1); // a writer that failed after allocating: a hole below the probe
                }
                EventMessage<CandidateNoted> event = TestEvents.noted("candidate-probe-" + probe++, 0);
                String tailingBefore = tailing(eventStore);
                long sent = System.nanoTime();
                eventStore.publish(event);
                long[] delays = awaitOne(event.getIdentifier(), sent, Duration.ofSeconds(40));
                StringBuilder line = new StringBuilder(String.format("gaps %-5s idle %2d s  tailing before %s  delay ms:",
                        gaps, idle, tailingBefore));
                for (long delay : delays) {
                    line.append(String.format(" %6d", delay));
                    worstMillis = Math.max(worstMillis, delay);
                }
                report.add(line.toString());
                System.out.println("[pickup-after-idle] " + line);
            }
        }
        System.out.println("[pickup-after-idle] summary, " + PROCESSORS + " processors:");
        report.forEach(l -> System.out.println("[pickup-after-idle]   " + l));
        assertThat(worstMillis).as("worst event-to-handler delay (ms)\n" + String.join("\n", report))
                .isLessThanOrEqualTo(BOUND.toMillis());
    }

    /** 4 writers x 25 events at once: transient gaps, and the slow processor falls behind the others. */
    private static void burst(EventStore eventStore, int round) throws InterruptedException {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String aggregate = "candidate-burst-" + round + "-" + w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 25; i++) {
                    eventStore.publish(TestEvents.noted(aggregate, i));
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    /** Until every processor has handled the burst: the probe measures pickup after idle, not a backlog. */
    private void awaitBurst(int round) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && handled.stream().anyMatch(m -> m.size() < handledBefore + 100)) {
            Thread.sleep(10);
        }
        assertThat(handled).as("burst " + round + " handled").allSatisfy(m -> assertThat(m).hasSize(handledBefore + 100));
    }

    /** Stops and starts one processor: it opens a new stream from its stored token. */
    private void restart(String name) {
        var processor = configuration.eventProcessingConfiguration().eventProcessor(name).orElseThrow();
        processor.shutDown();
        processor.start();
    }

    private long[] awaitOne(String eventId, long sentNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && handled.stream().anyMatch(m -> !m.containsKey(eventId))) {
            Thread.sleep(2);
        }
        long[] delays = new long[PROCESSORS];
        for (int i = 0; i < PROCESSORS; i++) {
            Long at = handled.get(i).get(eventId);
            delays[i] = at == null ? timeout.toMillis() : (at - sentNanos) / 1_000_000;
        }
        return delays;
    }

    private void awaitHandled(EventStore eventStore, List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && handled.stream().anyMatch(m -> m.size() < 20)) {
            Thread.sleep(10);
        }
        assertThat(handled).allSatisfy(m -> assertThat(m).hasSize(20));
    }

    /** How many consumers read from the event store's shared cache (the rest read private streams). */
    private static String tailing(EventStore eventStore) {
        try {
            Field field = EmbeddedEventStore.class.getDeclaredField("tailingConsumers");
            field.setAccessible(true);
            return String.valueOf(((Set<?>) field.get(eventStore)).size());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    /** One per processing group; records when each event arrived. */
    static final class Recorder {
        final Map<String, Long> seen;

        final long handlingMillis;

        Recorder(Map<String, Long> seen, long handlingMillis) {
            this.seen = seen;
            this.handlingMillis = handlingMillis;
        }

        @org.axonframework.eventhandling.EventHandler
        void on(CandidateNoted event, EventMessage<?> message) throws InterruptedException {
            seen.putIfAbsent(message.getIdentifier(), System.nanoTime());
            if (handlingMillis > 0 && !event.candidateId().startsWith("candidate-probe")) {
                Thread.sleep(handlingMillis);
            }
        }
    }
}
