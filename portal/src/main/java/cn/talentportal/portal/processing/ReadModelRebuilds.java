package cn.talentportal.portal.processing;

import cn.talentportal.infra.axon.CombinedRebuild;
import cn.talentportal.portal.processing.RebuildProgress.State;
import cn.talentportal.portal.processing.RebuildRefusedException.Reason;
import cn.talentportal.projections.shared.RebuildableReadModel;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Service;

/**
 * Rebuilds a read model from the event store while the portal runs (docs/decisions/0019-read-model-rebuilds.md):
 * its processor is shut down, its tokens reset to the start of the store (the projection's {@code @ResetHandler}
 * clears its collections) and started again; it then replays every event while the rest of the portal goes on.
 * Rebuildable are the processing groups of the projections marked {@link RebuildableReadModel}. One rebuild per
 * group at a time; a failure to stop, reset or start leaves the processor started again and the error shown.
 * <p>
 * Progress is read from the processor's own status: its position (the global index of the last event handled) of
 * the store's head index captured when the rebuild started, the rate over the last {@value #RATE_WINDOW_SECONDS}
 * seconds and the time left at that rate.
 * <p>
 * All read models at once are rebuilt with one read of the store ({@link CombinedRebuild},
 * docs/decisions/0033-one-read-rebuild.md): one processor replays for all groups and hands its
 * token back to each once it has caught up; its progress is {@link #progressOfAll()}. While it runs, no group is
 * rebuilt on its own, and it does not start while one is.
 */
@Service
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    static final int RATE_WINDOW_SECONDS = 5;
    private static final long HAND_OVER_POLL_MILLIS = 200;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ApplicationContext context;
    /** The processors' own batch size: 5,000 per batch made no difference (docs/benchmarks.md). */
    private final int combinedBatchSize;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile Rebuild rebuildOfAll;
    private final ExecutorService restarts = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SortedSet<String> rebuildable;

    public ReadModelRebuilds(EventProcessingConfiguration processing, EventStore eventStore,
                             ApplicationContext context,
                             @Value("${talent.processors.batch-size:1000}") int combinedBatchSize) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.context = context;
        this.combinedBatchSize = combinedBatchSize;
    }

    /** The processing groups an administrator may rebuild, by name. */
    public SortedSet<String> rebuildable() {
        SortedSet<String> groups = rebuildable;
        if (groups == null) {
            groups = new TreeSet<>();
            for (String bean : context.getBeanNamesForAnnotation(RebuildableReadModel.class)) {
                Class<?> type = context.getType(bean);
                ProcessingGroup group = type == null ? null
                        : AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
                if (group != null && processor(group.value()).isPresent()) {
                    groups.add(group.value());
                }
            }
            rebuildable = groups = Collections.unmodifiableSortedSet(groups);
        }
        return groups;
    }

    /**
     * Starts rebuilding this group's read model and returns at once; the processor is stopped, reset and started
     * on a background thread.
     *
     * @throws RebuildRefusedException when the group is not rebuildable or a rebuild of it is running
     */
    public RebuildProgress rebuild(String processingGroup) {
        if (!rebuildable().contains(processingGroup)) {
            throw new RebuildRefusedException(processingGroup, Reason.NOT_REBUILDABLE);
        }
        StreamingEventProcessor processor = processor(processingGroup).orElseThrow();
        Rebuild rebuild = new Rebuild(processingGroup, processor, null,
                position(eventStore.createHeadToken()).orElse(0));
        synchronized (rebuilds) {
            if (running(rebuildOfAll) || running(rebuilds.get(processingGroup))) {
                throw new RebuildRefusedException(processingGroup, Reason.ALREADY_RUNNING);
            }
            rebuilds.put(processingGroup, rebuild);
        }
        log.info("Rebuilding read model {} from the event store, {} events", processingGroup, rebuild.total);
        return startInBackground(rebuild);
    }

    /**
     * Starts rebuilding every rebuildable read model with one read of the store and returns at once.
     *
     * @throws RebuildRefusedException when a rebuild of all or of any group is running
     */
    public RebuildProgress rebuildAll() {
        CombinedRebuild combined = new CombinedRebuild(processing, eventStore, List.copyOf(rebuildable()),
                combinedBatchSize);
        Rebuild rebuild = new Rebuild(CombinedRebuild.NAME, combined.processor(), combined,
                position(eventStore.createHeadToken()).orElse(0));
        synchronized (rebuilds) {
            if (running(rebuildOfAll) || rebuilds.values().stream().anyMatch(ReadModelRebuilds::running)) {
                throw new RebuildRefusedException(CombinedRebuild.NAME, Reason.ALREADY_RUNNING);
            }
            rebuildOfAll = rebuild;
        }
        log.info("Rebuilding read models {} from the event store with one read, {} events", combined.groups(),
                rebuild.total);
        return startInBackground(rebuild);
    }

    /** The answer is the rebuild as it started: sampled after the restart, a quick failure would be reported
     * as the answer to the request instead of on the progress page. */
    private RebuildProgress startInBackground(Rebuild rebuild) {
        RebuildProgress started = rebuild.progress();
        restarts.execute(rebuild::restart);
        return started;
    }

    /** The running or last rebuild of all read models since the portal started. */
    public Optional<RebuildProgress> progressOfAll() {
        return Optional.ofNullable(rebuildOfAll).map(Rebuild::progress);
    }

    private static boolean running(Rebuild rebuild) {
        return rebuild != null && rebuild.progress().running();
    }

    /** The running or last rebuild of this group since the portal started. */
    public Optional<RebuildProgress> progress(String processingGroup) {
        return Optional.ofNullable(rebuilds.get(processingGroup)).map(Rebuild::progress);
    }

    /** Every streaming event processor with its health and lag, by name. */
    public List<ProcessorStatus> processors() {
        OptionalLong head = position(eventStore.createHeadToken());
        List<ProcessorStatus> statuses = new ArrayList<>();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .forEach(processor -> {
                    Collection<EventTrackerStatus> segments = processor.processingStatus().values();
                    Long slowest = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min()
                            .stream().boxed().findFirst().filter(p -> p >= 0).orElse(null);
                    String lastError = segments.stream().filter(EventTrackerStatus::isErrorState)
                            .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
                    Long lag = slowest == null || head.isEmpty() ? null : Math.max(0, head.getAsLong() - slowest);
                    statuses.add(new ProcessorStatus(processor.getName(), processor.isRunning(),
                            processor.isError() || lastError != null, lastError, slowest, lag,
                            segments.stream().anyMatch(EventTrackerStatus::isReplaying),
                            rebuildable().contains(processor.getName())));
                });
        return statuses;
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    @PreDestroy
    void stop() {
        restarts.shutdownNow();
        Rebuild all = rebuildOfAll;
        if (all != null && all.combined.processor().isRunning()) {
            // the groups keep their reset tokens: after a restart each read model rebuilds itself
            all.combined.processor().shutDown();
        }
    }

    /** One rebuild: its restart, then its progress sampled whenever asked. */
    private static final class Rebuild {

        private final String group;
        private final StreamingEventProcessor processor;
        /** For a rebuild of all groups; its processor is {@link #processor}. */
        private final CombinedRebuild combined;
        private final long total;
        private final Instant startedAt = Clock.systemUTC().instant();
        private final Deque<long[]> samples = new ArrayDeque<>(); // {nanoTime, done}
        private State state = State.STARTING;
        private long done;
        private String error;
        private long replayStartNanos;
        private long finishedNanos;

        Rebuild(String group, StreamingEventProcessor processor, CombinedRebuild combined, long total) {
            this.group = group;
            this.processor = processor;
            this.combined = combined;
            this.total = total;
        }

        void restart() {
            long began = System.nanoTime();
            try {
                if (combined == null) {
                    processor.shutDown();
                    processor.resetTokens(); // the projection's @ResetHandler clears its collections
                    processor.start();
                } else {
                    combined.start(); // stops and resets the groups, starts the one processor for all of them
                }
                synchronized (this) {
                    state = State.REPLAYING;
                    replayStartNanos = System.nanoTime();
                    samples.add(new long[] {replayStartNanos, 0});
                }
                log.info("Read model {} reset in {} ms, replaying", group, (System.nanoTime() - began) / 1_000_000);
                if (combined != null) {
                    handOverOnceCaughtUp();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the portal stops: see stop()
            } catch (RuntimeException e) {
                log.error("Rebuild of read model {} failed", group, e);
                try {
                    if (combined == null && !processor.isRunning()) {
                        processor.start(); // a combined rebuild starts its groups again itself
                    }
                } catch (RuntimeException restartFailure) {
                    log.error("Read model {} could not be started again after its failed rebuild", group,
                            restartFailure);
                    e.addSuppressed(restartFailure);
                }
                synchronized (this) {
                    state = State.FAILED;
                    error = String.valueOf(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
                }
            }
        }

        /** Waits until the combined processor has reached the head captured at the start, then hands over. */
        private void handOverOnceCaughtUp() throws InterruptedException {
            while (!(combined.healthy() && combined.position() >= total)) {
                Thread.sleep(HAND_OVER_POLL_MILLIS);
            }
            combined.handOver();
            synchronized (this) {
                done = total;
                state = State.FINISHED;
                finishedNanos = System.nanoTime();
            }
            log.info("Read models {} rebuilt with one read: {} events in {} s, handed over to their processors",
                    combined.groups(), total, Duration.between(startedAt, Clock.systemUTC().instant()).toSeconds());
        }

        synchronized RebuildProgress progress() {
            long now = System.nanoTime();
            if (state == State.REPLAYING) {
                Collection<EventTrackerStatus> segments = processor.processingStatus().values();
                long position = segments.isEmpty() ? 0
                        : segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
                done = Math.max(done, Math.min(position, total));
                samples.add(new long[] {now, done});
                while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_SECONDS * 1_000_000_000L) {
                    samples.removeFirst();
                }
                boolean healthy = processor.isRunning() && !segments.isEmpty()
                        && segments.stream().noneMatch(EventTrackerStatus::isErrorState);
                if (healthy && position >= total && combined == null) { // a combined rebuild finishes on hand-over
                    done = total;
                    state = State.FINISHED;
                    finishedNanos = now;
                    log.info("Read model {} rebuilt: {} events in {} s", group, total,
                            Duration.between(startedAt, Clock.systemUTC().instant()).toSeconds());
                }
            }
            double rate = rate();
            Duration left = state == State.FINISHED ? Duration.ZERO
                    : state == State.REPLAYING && rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000))
                    : null;
            return new RebuildProgress(group, state, startedAt, done, total, rate, left, error);
        }

        /** Events per second over the last seconds (over the whole rebuild once finished). */
        private double rate() {
            if (state == State.FINISHED) {
                double seconds = (finishedNanos - replayStartNanos) / 1e9;
                return seconds <= 0 ? 0 : total / seconds;
            }
            if (samples.size() < 2) {
                return 0;
            }
            long[] first = samples.peekFirst();
            long[] last = samples.peekLast();
            double seconds = (last[0] - first[0]) / 1e9;
            return seconds < 0.2 ? 0 : (last[1] - first[1]) / seconds;
        }
    }
}
