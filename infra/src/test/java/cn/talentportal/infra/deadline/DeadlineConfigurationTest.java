package cn.talentportal.infra.deadline;

import cn.talentportal.infra.testing.MutableClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring Boot with Axon's auto-configuration: our bean is the deadline manager aggregates get, and it stops. */
class DeadlineConfigurationTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void axonsAutoConfigurationUsesTheMongoDeadlineManagerAndTheContextStopsIt() {
        MongoDeadlineManager manager;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("talent.data-dir=" + dataDir, "axon.axonserver.enabled=false",
                        "axoniq.update-checker.disabled=true", "talent.deadlines.poll-interval=1h")
                .run()) {
            manager = context.getBean(MongoDeadlineManager.class);
            assertThat(context.getBean(org.axonframework.config.Configuration.class).deadlineManager())
                    .isSameAs(manager).isSameAs(context.getBean(DeadlineManager.class));

            context.getBean(CommandGateway.class).sendAndWait(
                    new Reminder.Plan("r-spring", "offer expiry", START.plus(Duration.ofDays(7)), 0));
            assertThat(manager.pendingDeadlines()).isEqualTo(1);

            context.getBean(MutableClock.class).advance(Duration.ofDays(7));
            assertThat(manager.pollNow()).isEqualTo(1);
            assertThat(context.getBean(EventStore.class).readEvents("r-spring").asStream()
                    .<Object>map(DomainEventMessage::getPayload))
                    .contains(new Reminder.Fired("r-spring", "offer expiry", 1));
        }
        assertThatThrownBy(manager::pollNow).as("stopped with the context").isInstanceOf(IllegalStateException.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(DeadlineConfiguration.class)
    static class App {

        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }

        @Bean
        ConfigurerModule reminders() {
            return configurer -> configurer.configureAggregate(Reminder.class);
        }
    }
}
