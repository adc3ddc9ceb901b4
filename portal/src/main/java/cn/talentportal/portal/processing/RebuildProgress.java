package cn.talentportal.portal.processing;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild of one processing group stands: events done of the total (the store's head index when the rebuild
 * started), the rate over the last seconds and the time left at that rate ({@code null} while unknown).
 */
public record RebuildProgress(String processingGroup, State state, Instant startedAt, long done, long total,
                              double eventsPerSecond, Duration timeLeft, String error) {

    public enum State {
        /** Processor being stopped, tokens reset (the read model cleared) and started again. */
        STARTING,
        /** Replaying the store up to the head captured at the start. */
        REPLAYING,
        FINISHED,
        /** Stopping, resetting or starting the processor failed; the processor was started again. */
        FAILED
    }

    public boolean running() {
        return state == State.STARTING || state == State.REPLAYING;
    }

    public boolean finished() {
        return state == State.FINISHED;
    }

    /** 0 to 1, for a progress bar. */
    public double fraction() {
        return total <= 0 ? (finished() ? 1 : 0) : Math.min(1.0, (double) done / total);
    }
}
