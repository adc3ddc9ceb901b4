package cn.talentportal.infra.axon;

import cn.talentportal.domain.DomainModel;
import cn.talentportal.domain.candidate.RegistrationClaims;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The domain module knows no Spring, so its aggregates are registered here rather than by annotation. Every
 * aggregate is cached (loading is skipped for hot aggregates) and snapshotted every {@value #SNAPSHOT_EVERY}
 * events, so a candidate followed for five years still loads in milliseconds.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    static final int SNAPSHOT_EVERY = 100;
    static final List<Class<?>> AGGREGATES = DomainModel.AGGREGATES;

    /**
     * The office's clock: dates (deadlines, signing days, milestones) are the office's dates whatever zone the server
     * runs in. Tests replace it with one they can advance.
     */
    @Bean
    Clock clock(@Value("${talent.time-zone:Asia/Shanghai}") ZoneId officeZone) {
        return Clock.system(officeZone);
    }

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /**
     * One snapshotter that knows every aggregate type, independent of Spring bean discovery. It inspects the
     * aggregates' handlers, so it resolves their extra parameters (clock, ports) the way command handling does.
     */
    @Bean
    Snapshotter snapshotter(EventStore eventStore, ParameterResolverFactory parameterResolverFactory) {
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .aggregateFactories(AGGREGATES.stream().<org.axonframework.eventsourcing.AggregateFactory<?>>map(
                        type -> new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                type, parameterResolverFactory))).toList())
                .build();
    }

    @Bean
    ConfigurerModule aggregates(Cache aggregateCache, Clock clock, RegistrationClaims registrationClaims) {
        return configurer -> {
            for (Class<?> type : AGGREGATES) {
                configurer.configureAggregate(configure(type, aggregateCache));
            }
            for (Function<DomainModel.Repositories, Object> handler
                    : DomainModel.commandHandlers(registrationClaims, clock)) {
                configurer.registerCommandHandler(c -> handler.apply(c::repository));
            }
        };
    }

    /**
     * Ids are unique per aggregate type only, so an id that names a record of another type (a mixed-up or forged id)
     * must find neither that record's events nor its cached state: each type reads its own events and sees its own
     * cache entries, and such a command meets "not found" (or "already exists" on creation), never a foreign object.
     */
    private static <T> AggregateConfigurer<T> configure(Class<T> type, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> new TypeScopedCache(cache, type.getSimpleName()))
                .configureFilterEventsByType(c -> true)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        c.getComponent(Snapshotter.class), SNAPSHOT_EVERY));
    }

}
