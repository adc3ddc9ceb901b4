package cn.talentportal.infra.eventstore.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes an anchor every {@code anchor-interval}, counted from the latest anchor (so restarts do not postpone it), on
 * a thread of its own. Several portal nodes each make their anchors; that is harmless (anchors are numbered).
 */
final class ChainAnchorScheduler implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(ChainAnchorScheduler.class);
    private static final Duration FIRST_DELAY_WITHOUT_ANCHOR = Duration.ofHours(1);

    private final ChainAnchors anchors;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService executor;

    ChainAnchorScheduler(ChainAnchors anchors, Duration interval, Clock clock) {
        this.anchors = anchors;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chain-anchor");
            thread.setDaemon(true);
            return thread;
        });
        Duration first = anchors.latest()
                .map(latest -> Duration.between(clock.instant(), latest.createdAt().plus(interval)))
                .orElse(FIRST_DELAY_WITHOUT_ANCHOR.compareTo(interval) < 0 ? FIRST_DELAY_WITHOUT_ANCHOR : interval);
        long firstMillis = Math.max(first.toMillis(), 60_000);
        executor.scheduleAtFixedRate(this::anchor, firstMillis, interval.toMillis(), TimeUnit.MILLISECONDS);
        logger.info("Chain anchors every {}, next in {} s", interval, firstMillis / 1000);
    }

    private void anchor() {
        try {
            anchors.anchorNow();
        } catch (RuntimeException e) {
            logger.error("Could not make a chain anchor; trying again at the next interval", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
