package cn.talentportal.portal.shared;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Read models follow the event store a moment after a command (tracking processors). A view that shows the
 * result of its own user's command re-reads briefly until the change is there, so the user sees what they just
 * did instead of the state before it. Bounded: after {@link #MAX_WAIT} the last result is shown as it is.
 */
public final class ReadModels {

    static final Duration MAX_WAIT = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 50;

    private ReadModels() {
    }

    public static <T> T awaitChange(Supplier<T> query, Predicate<T> changed) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        T result = query.get();
        while (!changed.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = query.get();
        }
        return result;
    }
}
