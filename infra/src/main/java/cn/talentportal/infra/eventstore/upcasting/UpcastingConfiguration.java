package cn.talentportal.infra.eventstore.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The upcasters of stored events, as beans: {@code EventStoreConfiguration} chains every {@link EventUpcaster}
 * bean in order. An upcaster is kept for as long as events of its old revision may be in a store.
 */
@Configuration(proxyBeanMethods = false)
public class UpcastingConfiguration {

    @Bean
    @Order(1)
    EventUpcaster candidateRegisteredRevision2Upcaster() {
        return new CandidateRegisteredRevision2Upcaster();
    }

    /** After revision 1 became 2, so a revision 1 registration reaches the current revision in one read. */
    @Bean
    @Order(2)
    EventUpcaster candidateRegisteredRevision3Upcaster() {
        return new CandidateRegisteredRevision3Upcaster();
    }

    @Bean
    @Order(3)
    EventUpcaster candidateRegisteredRevision4Upcaster() {
        return new CandidateRegisteredRevision4Upcaster();
    }
}
