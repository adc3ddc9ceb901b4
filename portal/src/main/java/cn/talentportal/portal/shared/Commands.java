package cn.talentportal.portal.shared;

import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends commands and turns every refusal into a {@link DomainRuleViolation} with a message key, so views show a
 * translated reason and never a stack trace.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return dispatch(GenericCommandMessage.asCommandMessage(command));
    }

    /** For decisions a person makes: the reason is stored with the events, for auditors. */
    public <R> R send(Object command, String reason) {
        return dispatch(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(AuditMetaData.REASON, reason)));
    }

    /**
     * Outside a Vaadin or servlet request (a websocket message): the caller names the actor and client address, which
     * the dispatch interceptor cannot find on this thread.
     */
    public <R> R send(Object command, MetaData actor) {
        return dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }

    /** On behalf of the portal itself (demo data), recorded as the system acting. */
    public <R> R sendAsSystem(Object command) {
        return dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(
                AuditMetaData.USER_ID, ActorMetaData.SYSTEM).and(AuditMetaData.USER_NAME, ActorMetaData.SYSTEM)
                .and(AuditMetaData.ROLE, ActorMetaData.SYSTEM)));
    }

    private <R> R dispatch(CommandMessage<?> message) {
        CommandIds.requireWellFormed(message.getPayload());
        CommandText.requireWellFormed(message.getPayload());
        try {
            return gateway.sendAndWait(message, 30, TimeUnit.SECONDS);
        } catch (DomainRuleViolation refusal) {
            throw refusal;
        } catch (AggregateNotFoundException e) {
            // an id that names nothing (a stale page, a guessed link): said plainly, not as a failure
            throw new DomainRuleViolation("command.recordNotFound");
        } catch (AggregateStreamCreationException e) {
            // a second create with an id already taken (a double-submitted form): nothing was stored twice
            throw new DomainRuleViolation("command.alreadyExists");
        } catch (ConcurrencyException e) {
            throw new DomainRuleViolation("command.concurrentChange");
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof DomainRuleViolation refusal) {
                throw refusal;
            }
            throw new DomainRuleViolation("command.failed");
        }
    }
}
