package cn.talentportal.portal;

import cn.talentportal.domain.candidate.RegistrationClaims;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins for two ports that {@code infra} provides on another branch (registration claims on a MongoDB collection,
 * a deadline manager stored in MongoDB): the portal tests start the real portal, whose candidate aggregate takes
 * both as handler parameters. Delete this class and {@link InMemoryRegistrationClaims} once infra has the beans:
 * two beans of a type would leave the handlers without either.
 */
@Configuration(proxyBeanMethods = false)
public class InfraStandIns {

    @Bean
    RegistrationClaims registrationClaims() {
        return new InMemoryRegistrationClaims();
    }

    @Bean
    DeadlineManager deadlineManager(org.axonframework.config.Configuration axon) {
        return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon)).build();
    }
}
