package cn.talentportal.projections.search;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves the alias {@value OpeningSearchIndex#ALIAS} to this build's physical index once the search processor has
 * filled it: until then searches keep reading the previous version (decision 0010). Checks every half second
 * while the alias is elsewhere, then stops; an engine that is down only delays the check.
 */
@Component
public class OpeningSearchIndexSwitch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpeningSearchIndexSwitch.class);
    static final long CHECK_EVERY_MILLIS = 500;

    private final OpeningSearchIndex index;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private ScheduledExecutorService checker;
    private volatile boolean switched;
    private volatile String lastProblem;

    public OpeningSearchIndexSwitch(OpeningSearchIndex index, ObjectProvider<EventProcessingConfiguration> processing) {
        this.index = index;
        this.processing = processing;
    }

    /** True once searches read this build's index. */
    public boolean switched() {
        return switched;
    }

    void checkOnce() {
        try {
            if (index.aliasIsOnThisVersion()) {
                switched = true;
            } else if (processorCaughtUp()) {
                index.switchAliasToThisVersion();
                switched = true;
            }
            lastProblem = null;
        } catch (Exception e) {
            // the engine is down or starting: try again at the next tick, say so once
            if (!e.toString().equals(lastProblem)) {
                log.warn("Search alias check failed, will retry: {}", e.toString());
                lastProblem = e.toString();
            }
        }
        if (switched && checker != null) {
            checker.shutdown();
        }
    }

    private boolean processorCaughtUp() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return false;
        }
        return configuration.eventProcessor(OpeningSearchIndex.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    return processor.isRunning() && !processor.isError() && !status.isEmpty()
                            && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
                })
                .orElse(false);
    }

    @Override
    public synchronized void start() {
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-alias-switch");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::checkOnce, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null && !checker.isShutdown();
    }
}
