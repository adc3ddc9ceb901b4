package cn.talentportal.infra.deadline;

import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.testing.EmbeddedMongo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** One portal node as far as deadlines go: Axon with the {@link Reminder} aggregate on the store, our manager. */
final class AxonNode implements AutoCloseable {

    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    /** Polls only when a test asks, so tests decide when deadlines fire. */
    static final DeadlineProperties MANUAL = new DeadlineProperties(Duration.ofHours(1), Duration.ofMinutes(2),
            Duration.ofSeconds(10), Duration.ofHours(1), null);

    final Configuration axon;
    final MongoDeadlineManager deadlines;

    AxonNode(EmbeddedMongo mongo, Clock clock, DeadlineProperties properties, String owner) {
        MongoLookupEventStorageEngine engine = mongo.engine();
        this.axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> EventSerializers.jackson())
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Reminder.class)
                .configureDeadlineManager(c -> MongoDeadlineManager.builder()
                        .database(mongo.database)
                        .serializer(c.serializer())
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                        .clock(clock)
                        .durability(mongo.durability())
                        .properties(properties)
                        .owner(owner)
                        .build())
                .buildConfiguration();
        axon.start();
        this.deadlines = (MongoDeadlineManager) axon.deadlineManager();
        deadlines.start();
    }

    CommandGateway commands() {
        return axon.commandGateway();
    }

    List<Object> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    List<Reminder.Fired> fired(String aggregateId) {
        return events(aggregateId).stream().filter(Reminder.Fired.class::isInstance)
                .map(Reminder.Fired.class::cast).toList();
    }

    @Override
    public void close() {
        deadlines.shutdown();
        axon.shutdown();
    }
}
