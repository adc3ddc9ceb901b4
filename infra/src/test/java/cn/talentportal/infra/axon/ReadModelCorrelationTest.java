package cn.talentportal.infra.axon;

import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Read models' units of work make no correlation data; every other processor's still do. */
class ReadModelCorrelationTest {

    @ProcessingGroup("read-model")
    @RebuildableReadModel
    static class ReadModel {
        MetaData created;

        @EventHandler
        void on(String event) {
            created = new GenericMessage<>("made while handling").getMetaData();
        }
    }

    @ProcessingGroup("process")
    static class Process {
        MetaData created;

        @EventHandler
        void on(String event) {
            created = new GenericMessage<>("a command, say").getMetaData();
        }
    }

    @ProcessingGroup("mixed")
    @RebuildableReadModel
    static class MixedReadModel {
    }

    @ProcessingGroup("mixed")
    static class MixedProcess {
    }

    @Test
    void messagesMadeWhileAReadModelHandlesAnEventCarryNoCorrelationData() {
        ReadModel readModel = new ReadModel();
        Process process = new Process();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEventBus(c -> SimpleEventBus.builder().build())
                .configureCorrelationDataProviders(c -> List.of(
                        ReadModelCorrelation.exceptInReadModels(new MessageOriginProvider()),
                        ReadModelCorrelation.exceptInReadModels(new SimpleCorrelationDataProvider("userId"))))
                .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                        .registerEventHandler(c -> readModel)
                        .registerEventHandler(c -> process)
                        .registerDefaultHandlerInterceptor((c, processor) ->
                                processor.equals("read-model") ? ReadModelCorrelation.READ_MODEL : null))
                .buildConfiguration();
        configuration.start();
        try {
            var event = GenericEventMessage.asEventMessage("hired").andMetaData(Map.of("userId", "recruiter-7"));
            configuration.eventBus().publish(event);

            assertThat(readModel.created).isEmpty();
            assertThat(process.created).containsEntry("userId", "recruiter-7")
                    .containsEntry("correlationId", event.getIdentifier())
                    .containsEntry("traceId", event.getIdentifier());
            // outside any unit of work the providers are not asked at all, and a command's own unit of work is not
            // a read model's
            assertThat(new GenericMessage<>("outside").getMetaData()).isEmpty();
        } finally {
            configuration.shutdown();
        }
    }

    @Test
    void readModelGroupsAreThoseWhoseEveryHandlerIsARebuildableReadModel() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(ReadModel.class);
            context.registerBean(Process.class);
            context.registerBean(MixedReadModel.class);
            context.registerBean(MixedProcess.class);
            context.refresh();

            assertThat(ProcessorConfiguration.readModelGroups(context.getBeanFactory())).containsExactly("read-model");
        }
    }
}
