package cn.talentportal.infra.search;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

/** The search engine's health, only where Spring Boot's health support (actuator) is on the classpath. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class SearchEngineHealthConfiguration {

    @Bean
    SearchEngineHealthIndicator searchEngine(SearchEngineEndpoint endpoint, Rest5Client searchRestClient) {
        return new SearchEngineHealthIndicator(endpoint, searchRestClient);
    }
}
