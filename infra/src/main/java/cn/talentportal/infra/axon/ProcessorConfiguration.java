package cn.talentportal.infra.axon;

import cn.talentportal.projections.shared.FlushBatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.function.SingletonSupplier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
    public ConfigurerModule trackingProcessors(@Value("${talent.processors.batch-size:1000}") int batchSize,
                                               ListableBeanFactory beans) {
        Supplier<Set<String>> readModels = SingletonSupplier.of(() -> readModelGroups(beans));
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                // Axon's default only logs a failing handler and moves on: the event would be lost for that read
                // model. Propagating makes the processor roll back the batch and retry it from its token.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                // read-model and search-index writes go out once per batch, before the token is stored
                .registerDefaultHandlerInterceptor((c, processorName) -> new FlushBatchedWrites())
                // read models send nothing: no correlation data for their events (ReadModelCorrelation)
                .registerDefaultHandlerInterceptor((c, processorName) ->
                        readModels.get().contains(processorName) ? ReadModelCorrelation.READ_MODEL : null)
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(source -> source.createTailToken()));
    }

    /**
     * The processing groups whose every handler is a {@link RebuildableReadModel} (which sends nothing); a group with
     * any other handler (a process sending commands or mail) keeps its correlation data.
     */
    static Set<String> readModelGroups(ListableBeanFactory beans) {
        Map<String, Boolean> allReadModels = new HashMap<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(bean);
            ProcessingGroup group = type == null ? null
                    : AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group != null) {
                boolean readModel = AnnotatedElementUtils.hasAnnotation(type, RebuildableReadModel.class);
                allReadModels.merge(group.value(), readModel, Boolean::logicalAnd);
            }
        }
        Set<String> groups = new HashSet<>();
        allReadModels.forEach((group, readModel) -> {
            if (readModel) {
                groups.add(group);
            }
        });
        return groups;
    }
}
