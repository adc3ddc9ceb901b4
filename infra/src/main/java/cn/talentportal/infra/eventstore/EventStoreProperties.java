package cn.talentportal.infra.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code talent.eventstore.*}: tuning of the event storage engine.
 *
 * @param batchSize  events per tracking read (default 1,000: replays are read in large lookups)
 * @param gapTimeout how long a tracking processor waits for an allocated but unwritten global index (default 60 s)
 */
@ConfigurationProperties(prefix = "talent.eventstore")
public record EventStoreProperties(Integer batchSize, Duration gapTimeout) {

    public EventStoreProperties {
        batchSize = batchSize == null ? 1000 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
    }
}
