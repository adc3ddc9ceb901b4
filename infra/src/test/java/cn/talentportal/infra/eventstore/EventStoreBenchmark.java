package cn.talentportal.infra.eventstore;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event store figures on the embedded server (H2 file backend in a temp dir, durability hook on), each next to the
 * raw driver's ceiling for the same documents. Run: {@code ./mvnw -B -Pbenchmark -pl infra -am verify}; sizes with
 * {@code -Dbenchmark.appends=20000 -Dbenchmark.replaySizes=100000,1000000}.
 */
@Tag("benchmark")
class EventStoreBenchmark {

    private static final int APPENDS = Integer.getInteger("benchmark.appends", 20_000);
    private static final List<Integer> REPLAY_SIZES = Arrays.stream(
            System.getProperty("benchmark.replaySizes", "100000,1000000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final String BIG_AGGREGATE = "candidate-big";

    private final StringBuilder table = new StringBuilder();

    @TempDir
    Path tempDir;

    @Test
    void measure() throws Exception {
        row("measure", "engine", "raw driver", "ratio");
        measureAppends();
        for (int size : REPLAY_SIZES) {
            measureReplayAndLoad(size);
        }
        System.out.println("\n=== Event store benchmark (embedded server, H2 file backend, durability on) ===\n" + table);
    }

    private void measureAppends() {
        try (EmbeddedStore store = new EmbeddedStore(tempDir.resolve("appends"))) {
            MongoLookupEventStorageEngine engine = store.engine();
            MongoCollection<StoredEvent> raw = StoredEventCodec.withCodec(store.database)
                    .getCollection("raw_events", StoredEvent.class);
            // Comparable documents in a comparable collection: the same unique sparse streamKey index.
            raw.createIndex(new Document(EventFields.STREAM_KEY, 1),
                    new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
            warmUp(engine, raw, store);

            for (int commitSize : new int[]{1, 10}) {
                int commits = APPENDS / commitSize;
                long start = System.nanoTime();
                for (int c = 0; c < commits; c++) {
                    engine.appendEvents(TestEvents.noted("append-" + commitSize + "-" + c, 0, commitSize));
                }
                double engineRate = perSecond(APPENDS, start);

                double rawRate = rawInserts(store, raw, commitSize, commits, true, "raw-" + commitSize);
                double rawNoCommitRate = rawInserts(store, raw, commitSize, commits, false, "rawnc-" + commitSize);
                row("append, " + commitSize + "-event commits (events/s)", engineRate, rawRate);
                row("  same, raw ceiling without store commit", engineRate, rawNoCommitRate);
            }
        }
    }

    /** The raw ceiling: the same documents, one insert per commit, and the same store commit after each. */
    private static double rawInserts(EmbeddedStore store, MongoCollection<StoredEvent> raw, int commitSize,
                                     int commits, boolean commitStore, String prefix) {
        List<List<StoredEvent>> batches = new ArrayList<>(commits);
        long id = prefix.hashCode() * 10_000_000L;
        for (int c = 0; c < commits; c++) {
            List<StoredEvent> batch = new ArrayList<>(commitSize);
            for (int i = 0; i < commitSize; i++) {
                batch.add(storedEvent(++id, prefix + "-" + c, i));
            }
            batches.add(batch);
        }
        long start = System.nanoTime();
        for (List<StoredEvent> batch : batches) {
            if (batch.size() == 1) {
                raw.insertOne(batch.get(0));
            } else {
                raw.insertMany(batch);
            }
            if (commitStore) {
                store.server.commit();
            }
        }
        return perSecond(commits * commitSize, start);
    }

    private static StoredEvent storedEvent(long id, String aggregate, long sequence) {
        DomainEventMessage<?> message = TestEvents.noted(aggregate, sequence);
        return new StoredEvent(id, aggregate, sequence, "Candidate", UUID.randomUUID().toString(),
                System.currentTimeMillis(), TestEvents.CandidateNoted.class.getName(), "1",
                "{\"candidateId\":\"" + aggregate + "\",\"note\":\"note " + sequence + " 护士长\",\"notedAt\":\"2026-11-21T10:15:30.123Z\"}",
                "{\"user\":\"recruiter-7\",\"role\":\"RECRUITER\"}");
    }

    private static void warmUp(MongoLookupEventStorageEngine engine, MongoCollection<StoredEvent> raw,
                               EmbeddedStore store) {
        for (int c = 0; c < 2000; c++) {
            engine.appendEvents(TestEvents.noted("warm-" + c, 0, 1));
        }
        rawInserts(store, raw, 1, 2000, true, "warm");
    }

    private void measureReplayAndLoad(int size) throws Exception {
        try (EmbeddedStore store = new EmbeddedStore(tempDir.resolve("replay-" + size))) {
            MongoLookupEventStorageEngine engine = store.engine();
            long seedStart = System.nanoTime();
            seed(engine, size);
            double seedRate = perSecond(size, seedStart);
            row("seed " + size + " events via appendEvents (10,000 per commit, events/s)", seedRate, Double.NaN);

            long cpu = cpuNanos();
            double rawRead = rawFind(store, size);
            double rawReadCpu = perEventMicros(cpuNanos() - cpu, size);
            cpu = cpuNanos();
            double rawLookups = rawIdLookups(store, size);
            double rawLookupsCpu = perEventMicros(cpuNanos() - cpu, size);
            cpu = cpuNanos();
            double rawRanges = rawIdRanges(store, size, engine.batchSize());
            double rawRangesCpu = perEventMicros(cpuNanos() - cpu, size);
            row("  cpu of find() (µs per event, client and server: one JVM)", rawReadCpu, Double.NaN);
            row("  cpu of the raw _id $in lookups (µs per event)", rawLookupsCpu, Double.NaN);
            row("raw _id range reads (" + engine.batchSize() + " ids per query, events/s) vs find()", rawRanges,
                    rawRead);
            row("  cpu of the raw _id range reads (µs per event)", rawRangesCpu, Double.NaN);
            // Tracking processor (one thread) against the pooled streaming processor (one coordinator reading the
            // stream once, work packages per segment on a worker pool), same handler, batch and token store, from the
            // tail token. -Dbenchmark.replayRounds (default 2) rounds; the variant order is reversed every other
            // round, since the first replay in the JVM pays the JIT warm-up of the Axon and Jackson paths.
            // -Dbenchmark.pooledVariants=segments:threads,... (default 2:2,4:2,4:4; empty: tracking processor only).
            int rounds = Integer.getInteger("benchmark.replayRounds", 2);
            int batch = Integer.getInteger("benchmark.processorBatch", 1000);
            // The tracking processor twice: as a read model (the portal's projections: no correlation data per event,
            // decision 0032) and with correlation data (the portal's processes that send commands; all before 0032).
            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant("tracking processor, read model", 1, 0, true));
            variants.add(new Variant("tracking processor, correlation data", 1, 0, false));
            for (String variant : System.getProperty("benchmark.pooledVariants", "2:2,4:2,4:4").split(",")) {
                if (!variant.isBlank()) {
                    String[] parts = variant.trim().split(":");
                    int segments = Integer.parseInt(parts[0]);
                    int threads = Integer.parseInt(parts[1]);
                    variants.add(new Variant("pooled " + segments + " segments, " + threads + " threads", segments,
                            threads, false));
                }
            }
            for (int replay = 1; replay <= rounds; replay++) {
                List<Variant> order = new ArrayList<>(variants);
                if (replay % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                // The ceiling again, next to this round's replays: on this shared machine the load moves within a run.
                cpu = cpuNanos();
                double roundRead = rawFind(store, size);
                double roundReadCpu = perEventMicros(cpuNanos() - cpu, size);
                row("find() before round " + replay + " (events/s)", roundRead, Double.NaN);
                row("  cpu of find() before round " + replay + " (µs per event)", roundReadCpu, Double.NaN);
                for (Variant variant : order) {
                    store.database.getCollection("trackingtokens").drop();
                    try (ProcessorRig rig = variant.threads() == 0
                            ? new ProcessorRig(store, engine, batch, variant.readModel())
                            : ProcessorRig.pooled(store, engine, batch, variant.segments(), variant.threads())) {
                        cpu = cpuNanos();
                        long start = System.nanoTime();
                        rig.start();
                        rig.awaitCount(rig.handler.regular::get, size, Duration.ofHours(1));
                        double processorCpu = perEventMicros(cpuNanos() - cpu, size);
                        // From start() to the last event handled (the handler's clock, not the 20 ms poll)
                        long first = rig.handler.firstHandledNanos;
                        long last = rig.handler.lastHandledNanos;
                        double processorRate = size / ((last - start) / 1e9);
                        double handlingRate = (size - 1) / ((last - first) / 1e9);
                        String round = rounds == 1 ? "" : ", round " + replay;
                        row("replay " + size + " events, " + variant.name() + round + " (events/s)", processorRate,
                                rawRead);
                        row("  same, raw ceiling of _id $in lookups (" + TrackedEventReader.IDS_PER_QUERY
                                + " ids per query)", processorRate, rawLookups);
                        row("  same, against find() measured before this round", processorRate, roundRead);
                        row("  cpu of the replay (µs per event)", processorCpu, Double.NaN);
                        row("  time from start() to the first event handled (ms)", (first - start) / 1e6, Double.NaN);
                        row("  first to last event handled (events/s), against find() before this round",
                                handlingRate, roundRead);
                        checkExactlyOnce(rig, size, variant.segments(), variant.name());
                    }
                }
            }

            double[] loads = new double[9];
            for (int i = 0; i < loads.length; i++) {
                long start = System.nanoTime();
                long count = engine.readEvents(BIG_AGGREGATE).asStream().count();
                loads[i] = (System.nanoTime() - start) / 1e6;
                assertThat(count).isEqualTo(1000);
            }
            Arrays.sort(loads);
            row("load 1,000-event aggregate in " + size + "-event store (median ms)", loads[loads.length / 2],
                    Double.NaN);
        }
    }

    /** A processor to replay with: the tracking processor (threads 0), or the pooled one. */
    private record Variant(String name, int segments, int threads, boolean readModel) {
    }

    /** Every event handled once: no duplicates, every global index seen, the segments' counts add up to N. */
    private void checkExactlyOnce(ProcessorRig rig, int size, int segments, String name) throws InterruptedException {
        Thread.sleep(500); // late duplicates would show up here
        long[] perSegment = rig.handler.perSegmentCounts();
        long sum = Arrays.stream(perSegment).sum();
        StringBuilder counts = new StringBuilder();
        for (int segment = 0; segment < segments; segment++) {
            counts.append(segment == 0 ? "" : " + ").append(perSegment[segment]);
        }
        System.out.println("  " + name + ": per segment " + counts + " = " + sum + ", distinct "
                + rig.handler.distinctSeen() + ", duplicates " + rig.handler.duplicates());
        assertThat(rig.handler.regular.get()).as("handled").isEqualTo(size);
        assertThat(rig.handler.duplicates()).as("duplicates").isZero();
        assertThat(rig.handler.distinctSeen()).as("distinct global indexes").isEqualTo(size);
        assertThat(sum).as("sum over segments").isEqualTo(size);
        assertThat(Arrays.stream(perSegment, 0, segments).sum()).as("in segments 0.." + (segments - 1))
                .isEqualTo(size);
        assertThat(Arrays.stream(perSegment, 0, segments).filter(count -> count > 0).count())
                .as("segments that handled events").isEqualTo(segments);
    }

    /** As dense as possible: large commits, the big aggregate's events spread through the store. */
    private static void seed(MongoLookupEventStorageEngine engine, int size) {
        int commit = 10_000;
        int bigEvery = size / 1000;
        long bigSequence = 0;
        List<EventMessage<?>> batch = new ArrayList<>(commit);
        for (int i = 0; i < size; i++) {
            if (i % bigEvery == 0 && bigSequence < 1000) {
                batch.add(TestEvents.noted(BIG_AGGREGATE, bigSequence++));
            } else {
                batch.add(TestEvents.noted("candidate-" + i, 0));
            }
            if (batch.size() == commit) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
    }

    private static double rawFind(EmbeddedStore store, int size) {
        long start = System.nanoTime();
        long count = 0;
        long chars = 0;
        for (Document document : store.database.getCollection(EventFields.EVENTS_COLLECTION).find().batchSize(1000)) {
            count++;
            chars += document.getString(EventFields.PAYLOAD).length();
        }
        assertThat(count).isEqualTo(size);
        assertThat(chars).isPositive();
        return perSecond(size, start);
    }

    /** What the server's _id index costs: the same lookups the engine makes, without Axon or the engine. */
    private static double rawIdLookups(EmbeddedStore store, int size) {
        var events = store.database.getCollection(EventFields.EVENTS_COLLECTION);
        long start = System.nanoTime();
        long count = 0;
        List<Long> ids = new ArrayList<>(TrackedEventReader.IDS_PER_QUERY);
        for (long id = 1; id <= size; id++) {
            ids.add(id);
            if (ids.size() == TrackedEventReader.IDS_PER_QUERY || id == size) {
                for (Document document : events.find(com.mongodb.client.model.Filters.in("_id", ids))) {
                    count += document.getString(EventFields.PAYLOAD).isEmpty() ? 0 : 1;
                }
                ids.clear();
            }
        }
        assertThat(count).isEqualTo(size);
        return perSecond(size, start);
    }

    /** What the engine's window reads cost without Axon or the engine: {@code _id} ranges of one batch each. */
    private static double rawIdRanges(EmbeddedStore store, int size, int batch) {
        var events = store.database.getCollection(EventFields.EVENTS_COLLECTION);
        long start = System.nanoTime();
        long count = 0;
        for (long from = 1; from <= size; from += batch) {
            for (Document document : events.find(TrackedEventReader.idsBetween(from, Math.min(from + batch - 1, size)))
                    .batchSize(batch)) {
                count += document.getString(EventFields.PAYLOAD).isEmpty() ? 0 : 1;
            }
        }
        assertThat(count).isEqualTo(size);
        return perSecond(size, start);
    }

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

    private void row(String measure, Object engine, Object raw, Object ratio) {
        String line = String.format(Locale.ROOT, "| %-72s | %12s | %12s | %6s |%n", measure, engine, raw, ratio);
        table.append(line);
        System.out.print(line);
    }

    private void row(String measure, double engine, double raw) {
        String ratio = Double.isNaN(raw) ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * engine / raw);
        row(measure, format(engine), Double.isNaN(raw) ? "" : format(raw), ratio);
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
