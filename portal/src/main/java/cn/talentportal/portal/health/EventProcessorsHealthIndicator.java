package cn.talentportal.portal.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each event processor: running or not, in error or not, its position and how many events it lags behind the head
 * of the store. A stopped or failing processor makes the portal DOWN: read models would silently go stale.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        OptionalLong head = position(eventStore.createHeadToken());
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            Map<String, Object> status = new LinkedHashMap<>();
            boolean error = processor.isError();
            status.put("running", processor.isRunning());
            status.put("error", error);
            long slowest = Long.MAX_VALUE;
            for (EventTrackerStatus segment : processor.processingStatus().values()) {
                slowest = Math.min(slowest, position(segment.getTrackingToken()).orElse(-1));
                if (segment.isErrorState()) {
                    status.put("lastError", String.valueOf(segment.getError()));
                }
            }
            if (slowest != Long.MAX_VALUE) {
                status.put("position", slowest);
                if (head.isPresent()) {
                    status.put("lag", Math.max(0, head.getAsLong() - slowest));
                }
            }
            allUp &= processor.isRunning() && !error;
            details.put(processor.getName(), status);
        }
        head.ifPresent(h -> details.put("headPosition", h));
        return (allUp ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
