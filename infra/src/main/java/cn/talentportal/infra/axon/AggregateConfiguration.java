package cn.talentportal.infra.axon;

import cn.talentportal.domain.alert.JobAlerts;
import cn.talentportal.domain.candidate.ApplicationCommandHandler;
import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.OfferCommandHandler;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.SigningCommandHandler;
import cn.talentportal.domain.drive.DriveCommandHandler;
import cn.talentportal.domain.drive.DriveRegistrationHandler;
import cn.talentportal.domain.drive.RecruitmentDrive;
import cn.talentportal.domain.employer.EmployerUnit;
import cn.talentportal.domain.interview.Interview;
import cn.talentportal.domain.interview.InterviewSchedulingHandler;
import cn.talentportal.domain.interview.ParticipantCalendar;
import cn.talentportal.domain.interview.Rubric;
import cn.talentportal.domain.notification.Notification;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.outreach.OutreachCampaign;
import cn.talentportal.domain.outreach.OutreachCommandHandler;
import cn.talentportal.domain.outreach.ReturneeConversionHandler;
import cn.talentportal.domain.outreach.ReturneeRegisterEntry;
import cn.talentportal.domain.retention.AllowanceCommandHandler;
import cn.talentportal.domain.retention.AllowancePolicy;
import cn.talentportal.domain.retention.RetentionCase;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
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
    static final List<Class<?>> AGGREGATES = List.of(EmployerUnit.class, Opening.class, Candidate.class,
            RecruitmentDrive.class, RetentionCase.class, AllowancePolicy.class, ReturneeRegisterEntry.class,
            OutreachCampaign.class, Interview.class, Rubric.class, ParticipantCalendar.class, JobAlerts.class,
            Notification.class);

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
            configurer.registerCommandHandler(c -> new ApplicationCommandHandler(
                    c.repository(Opening.class), c.repository(Candidate.class), clock));
            configurer.registerCommandHandler(c -> new OfferCommandHandler(
                    c.repository(Interview.class), c.repository(Candidate.class), clock));
            configurer.registerCommandHandler(c -> new SigningCommandHandler(
                    c.repository(Opening.class), c.repository(Candidate.class), clock));
            configurer.registerCommandHandler(c -> new PlacementCommandHandler(
                    c.repository(Candidate.class), c.repository(RetentionCase.class), clock));
            configurer.registerCommandHandler(c -> new DriveRegistrationHandler(
                    c.repository(RecruitmentDrive.class), c.repository(Candidate.class), registrationClaims, clock));
            configurer.registerCommandHandler(c -> new ReturneeConversionHandler(
                    c.repository(ReturneeRegisterEntry.class), c.repository(Candidate.class), registrationClaims));
            configurer.registerCommandHandler(c -> new DriveCommandHandler(
                    c.repository(Opening.class), c.repository(RecruitmentDrive.class)));
            configurer.registerCommandHandler(c -> new InterviewSchedulingHandler(c.repository(Interview.class),
                    c.repository(Candidate.class), c.repository(Rubric.class),
                    c.repository(ParticipantCalendar.class)));
            configurer.registerCommandHandler(c -> new AllowanceCommandHandler(
                    c.repository(RetentionCase.class), c.repository(AllowancePolicy.class)));
            configurer.registerCommandHandler(c -> new OutreachCommandHandler(
                    c.repository(ReturneeRegisterEntry.class), c.repository(OutreachCampaign.class)));
        };
    }

    private static <T> AggregateConfigurer<T> configure(Class<T> type, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> cache)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        c.getComponent(Snapshotter.class), SNAPSHOT_EVERY));
    }

}
