package cn.talentportal.infra.deadline;

import cn.talentportal.infra.eventstore.AppendDurability;
import cn.talentportal.infra.eventstore.EventStoreConfiguration;
import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import java.util.List;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.stream.Stream;

/**
 * The portal's {@code DeadlineManager}: Axon's Spring configurer takes the single bean of that type for aggregates,
 * sagas and handler parameters. Its poller starts after Axon (aggregates can load) and stops before Axon shuts down.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    @Bean
    public MongoDeadlineManager deadlineManager(MongoDatabase database,
                                                @Qualifier("messageSerializer") Serializer serializer,
                                                ObjectProvider<org.axonframework.config.Configuration> axon,
                                                Clock clock,
                                                TransactionManager transactionManager,
                                                ObjectProvider<DeadlineManagerSpanFactory> spanFactory,
                                                AppendDurability durability,
                                                ObjectProvider<EmbeddedMongoServer> embeddedServer,
                                                DeadlineProperties properties,
                                                List<CorrelationDataProvider> correlationDataProviders) {
        boolean embedded = embeddedServer.getIfAvailable() != null;
        MongoDeadlineManager.Builder builder = MongoDeadlineManager.builder()
                .database(database)
                .writeConcern(embedded ? WriteConcern.ACKNOWLEDGED : WriteConcern.MAJORITY.withJournal(true))
                .createIndexes(!embedded)
                .serializer(serializer)
                .scopeAwareProvider(new LazyScopes(axon))
                .clock(clock)
                .transactionManager(transactionManager)
                .durability(durability)
                .properties(properties);
        spanFactory.ifAvailable(builder::spanFactory);
        MongoDeadlineManager deadlineManager = builder.build();
        deadlineManager.registerDispatchInterceptor(new DeadlineAuditMetaData());
        // as on the command bus: events a deadline handler applies inherit the deadline's audit metadata
        deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return deadlineManager;
    }

    @Bean
    SmartLifecycle deadlinePoller(MongoDeadlineManager deadlineManager) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineManager.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineManager.shutdown();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** Higher than Axon's phase: started after it, stopped before it. */
            @Override
            public int getPhase() {
                return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
            }
        };
    }

    /**
     * The Axon configuration's aggregates and sagas, looked up at the first firing: the configuration itself asks
     * for the deadline manager while it is being built.
     */
    private static final class LazyScopes implements ScopeAwareProvider {

        private final ObjectProvider<org.axonframework.config.Configuration> axon;
        private volatile ScopeAwareProvider delegate;

        LazyScopes(ObjectProvider<org.axonframework.config.Configuration> axon) {
            this.axon = axon;
        }

        @Override
        public Stream<ScopeAware> provideScopeAwareStream(ScopeDescriptor scopeDescriptor) {
            if (delegate == null) {
                delegate = new ConfigurationScopeAwareProvider(axon.getObject());
            }
            return delegate.provideScopeAwareStream(scopeDescriptor);
        }
    }
}
