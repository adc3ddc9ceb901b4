package cn.talentportal.infra.axon;

import cn.talentportal.projections.shared.FlushBatchedWrites;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in its own tracking processor with batches, starting from the beginning of the store
 * (a new projection fills itself from all past events). Batches of up to 1,000 events: catching up costs about
 * 100 µs per event instead of 165 at 100 (docs/benchmarks.md, "Replay profile"); following live, batches are small
 * anyway. The pooled streaming processor was measured and did not pay on two cores. A failing handler (search engine down) is retried by the
 * processor from its token, so nothing is lost and commands never wait.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfiguration {

    @Bean
    public ConfigurerModule trackingProcessors(@Value("${talent.processors.batch-size:1000}") int batchSize) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                // Axon's default only logs a failing handler and moves on: the event would be lost for that read
                // model. Propagating makes the processor roll back the batch and retry it from its token.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                // read-model and search-index writes go out once per batch, before the token is stored
                .registerDefaultHandlerInterceptor((c, processorName) -> new FlushBatchedWrites())
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(source -> source.createTailToken()));
    }
}
