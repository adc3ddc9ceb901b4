package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import cn.talentportal.infra.privacy.ErasureGeneration;
import cn.talentportal.infra.privacy.MasterKey;
import cn.talentportal.infra.privacy.MongoPersonalDataKeys;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import cn.talentportal.infra.mongo.MongoConfiguration;
import cn.talentportal.infra.mongo.TalentMongoProperties;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Axon on MongoDB: the lookup-only event storage engine, tokens and sagas in axon-mongo's stores, Jackson for every
 * serialized form, and no transactions (the embedded server has no sessions; each append is made all or nothing by
 * the engine itself).
 * <p>
 * The portal still needs {@code axon.axonserver.enabled=false} in its application.properties (and keeps
 * {@code axon-server-connector} excluded).
 */
@Configuration(proxyBeanMethods = false)
@Import(MongoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    /**
     * The per-subject data keys of personal data (decision 0026), wrapped by a master key that is configured
     * ({@code talent.privacy.master-key}, base64 of 32 bytes) or kept in a key file under the data directory.
     */
    @Bean
    public PersonalDataKeys personalDataKeys(MongoClient client, TalentMongoProperties properties,
                                             @Value("${talent.privacy.master-key:}") String masterKey,
                                             @Value("${talent.data-dir:./data}") Path dataDir,
                                             ObjectProvider<Clock> clock, ErasureGeneration erasures) {
        return new MongoPersonalDataKeys(client.getDatabase(properties.database()),
                MasterKey.resolve(masterKey, dataDir.resolve("keys").resolve("personal-data-master.key")),
                clock.getIfAvailable(Clock::systemUTC), Duration.ofMinutes(5), erasures);
    }

    /** How every node learns, within a second, of an erasure carried out on another. */
    @Bean(destroyMethod = "close")
    public ErasureGeneration erasureGeneration(MongoClient client, TalentMongoProperties properties) {
        return new ErasureGeneration(client.getDatabase(properties.database()), Duration.ofSeconds(1));
    }

    /** Tokens and sagas: every serializer refuses personal data outside a stream's event or snapshot. */
    @Bean
    @Primary
    public Serializer serializer(PersonalDataKeys personalDataKeys) {
        return EventSerializers.jackson(personalDataKeys);
    }

    /** Deadlines. */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(PersonalDataKeys personalDataKeys) {
        return EventSerializers.jackson(personalDataKeys);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(PersonalDataKeys personalDataKeys) {
        return EventSerializers.jackson(personalDataKeys);
    }

    @Bean
    public AppendDurability appendDurability(ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        EmbeddedMongoServer server = embeddedServer.getIfAvailable();
        return server != null ? new EmbeddedServerDurability(server) : AppendDurability.NONE;
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoClient client,
                                                 TalentMongoProperties properties,
                                                 ObjectProvider<EmbeddedMongoServer> embeddedServer,
                                                 AppendDurability durability,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ObjectProvider<EventUpcaster> upcasters,
                                                 EventStoreProperties eventStore,
                                                 PersonalDataKeys personalDataKeys) {
        // A replica set makes an append durable by write concern; the embedded server by the durability hook.
        WriteConcern writeConcern = embeddedServer.getIfAvailable() != null
                ? WriteConcern.ACKNOWLEDGED
                : WriteConcern.MAJORITY.withJournal(true);
        return MongoLookupEventStorageEngine.builder()
                .mongoDatabase(client.getDatabase(properties.database()))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(EventSerializers.snapshots(personalDataKeys))
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .batchSize(eventStore.batchSize())
                .gapTimeout(eventStore.gapTimeout())
                .durability(durability)
                .writeConcern(writeConcern)
                .build();
    }

    /**
     * The event store over the engine, as Axon's Spring Boot auto-configuration builds it (the tests use this to
     * build the same one).
     */
    public static EmbeddedEventStore embeddedEventStore(EventStorageEngine storageEngine,
                                                        org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, TalentMongoProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    @Bean
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 TransactionManager transactionManager,
                                 ObjectProvider<EmbeddedMongoServer> embeddedServer,
                                 @Value("${talent.node-id:}") String nodeId,
                                 @Value("${talent.data-dir:./data}") Path dataDir) {
        return MongoTokenStore.builder()
                .nodeId(TokenOwner.of(nodeId, embeddedServer.getIfAvailable() != null, dataDir))
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
