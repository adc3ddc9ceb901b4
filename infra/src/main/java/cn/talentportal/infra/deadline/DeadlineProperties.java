package cn.talentportal.infra.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code talent.deadlines.*}: how the MongoDB deadline manager polls and retries.
 *
 * @param pollInterval  how often a node looks for due deadlines (default 1 s)
 * @param lease         how long a node may take to fire a deadline before another node may fire it again
 *                      (default 2 min; a deadline handler must finish well within it)
 * @param retryDelay    wait after the first failed attempt, doubled after each further failure (default 10 s)
 * @param maxRetryDelay longest wait between attempts (default 1 h); a failing deadline is retried forever
 * @param batchSize     due deadlines read per query (default 100)
 */
@ConfigurationProperties(prefix = "talent.deadlines")
public record DeadlineProperties(Duration pollInterval, Duration lease, Duration retryDelay, Duration maxRetryDelay,
                                 Integer batchSize) {

    public DeadlineProperties {
        pollInterval = positive(pollInterval, Duration.ofSeconds(1), "poll-interval");
        lease = positive(lease, Duration.ofMinutes(2), "lease");
        retryDelay = positive(retryDelay, Duration.ofSeconds(10), "retry-delay");
        maxRetryDelay = positive(maxRetryDelay, Duration.ofHours(1), "max-retry-delay");
        batchSize = batchSize == null ? 100 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("talent.deadlines.batch-size must be at least 1");
        }
    }

    /** The defaults. */
    public static DeadlineProperties defaults() {
        return new DeadlineProperties(null, null, null, null, null);
    }

    /** Wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration retryDelayAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("talent.deadlines." + name + " must be positive");
        }
        return value;
    }
}
