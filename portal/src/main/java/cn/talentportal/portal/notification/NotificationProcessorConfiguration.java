package cn.talentportal.portal.notification;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification processors start at the head of the store, not at its tail like the projections: a portal that
 * gets this feature on an existing store must not mail every past interview, offer or job alert. They take one event
 * per batch, so a failure repeats one message, not a thousand.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationProcessorConfiguration {

    @Bean
    ConfigurerModule notificationProcessors() {
        return configurer -> {
            for (String group : new String[] {InterviewNotifications.PROCESSING_GROUP,
                    CandidateNotifications.PROCESSING_GROUP, MailDelivery.PROCESSING_GROUP}) {
                configurer.eventProcessing().registerTrackingEventProcessorConfiguration(group, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(1)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
            }
        };
    }
}
