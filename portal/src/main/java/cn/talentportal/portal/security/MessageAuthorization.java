package cn.talentportal.portal.security;

import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Checks every command and query against its rule where it enters the bus, so no view, API or process can send
 * what its sender may not, whatever the menu shows. Registered on the buses rather than the gateways: it runs after
 * the gateway has stamped the actor, and also for messages put on the bus directly. A refusal is a
 * {@link DomainRuleViolation}, shown translated like any other refusal.
 */
@Configuration(proxyBeanMethods = false)
public class MessageAuthorization {

    public static final String REFUSED = "security.refused";

    @Bean
    InitializingBean authorizeMessages(CommandBus commandBus, QueryBus queryBus, Actors actors,
                                       CommandRules commandRules, QueryRules queryRules) {
        return () -> {
            commandBus.registerDispatchInterceptor(new Check<CommandMessage<?>>(actors, commandRules));
            queryBus.registerDispatchInterceptor(new Check<QueryMessage<?, ?>>(actors, queryRules));
        };
    }

    record Check<M extends Message<?>>(Actors actors, RuleBook rules) implements MessageDispatchInterceptor<M> {

        @Override
        public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
            return (index, message) -> {
                if (!rules.permits(actors.of(message.getMetaData()), message.getPayload())) {
                    throw new DomainRuleViolation(REFUSED);
                }
                return message;
            };
        }
    }
}
