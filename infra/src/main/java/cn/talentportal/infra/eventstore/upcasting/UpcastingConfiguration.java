package cn.talentportal.infra.eventstore.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters of stored events, as beans: {@code EventStoreConfiguration} chains every {@link EventUpcaster}
 * bean in order. An upcaster is kept for as long as events of its old revision may be in a store.
 */
@Configuration(proxyBeanMethods = false)
public class UpcastingConfiguration {

    @Bean
    EventUpcaster candidateRegisteredRevision2Upcaster() {
        return new CandidateRegisteredRevision2Upcaster();
    }
}
