package cn.talentportal.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Read models and the search index follow the store asynchronously: wait, within reason, for a condition. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private Eventually() {
    }

    public static <T> T eventually(Supplier<T> attempt, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = attempt.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // e.g. the search index is not created yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
    }
}
