package cn.talentportal.infra.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.annotation.Nonnull;
import java.util.Map;

/**
 * No correlation data for the events a read model handles (decision 0032).
 * <p>
 * Axon registers the correlation data providers with every event processor's unit of work, and every message created
 * in it asks them for the data of the message being handled, including the result message Axon itself creates for
 * each handled event: {@link org.axonframework.messaging.correlation.MessageOriginProvider} and the audit metadata
 * provider read the event's metadata, which deserializes it. A read model that sends nothing (commands, events,
 * deadlines, mail) has no use for that data; in a replay it cost a fifth of the processor thread
 * (docs/benchmarks.md, "Replay profile"). Axon cannot leave the providers out per processor, so:
 * <ul>
 *   <li>{@link #READ_MODEL} is a handler interceptor for the processors of read models only: it marks the unit of
 *       work;</li>
 *   <li>{@link #exceptInReadModels} wraps each provider: for the message of a marked unit of work it gives nothing,
 *       for every other message (commands, processes that send commands, nested units of work) what the provider
 *       gives.</li>
 * </ul>
 */
public final class ReadModelCorrelation {

    private static final String MARK = ReadModelCorrelation.class.getName();

    /** Marks the unit of work of a read model's processor: its messages get no correlation data. */
    public static final MessageHandlerInterceptor<EventMessage<?>> READ_MODEL = new MessageHandlerInterceptor<>() {
        @Override
        public Object handle(@Nonnull UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             @Nonnull InterceptorChain interceptorChain) throws Exception {
            unitOfWork.resources().put(MARK, Boolean.TRUE);
            return interceptorChain.proceed();
        }

        @Override
        public String toString() {
            return "ReadModelCorrelation.READ_MODEL";
        }
    };

    private ReadModelCorrelation() {
    }

    /** {@code provider}, giving nothing for the message a read model's processor is handling. */
    public static CorrelationDataProvider exceptInReadModels(CorrelationDataProvider provider) {
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(@Nonnull Message<?> message) {
                return handledByReadModel(message) ? Map.of() : provider.correlationDataFor(message);
            }

            @Override
            public String toString() {
                return provider + " except in read models";
            }
        };
    }

    private static boolean handledByReadModel(Message<?> message) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getMessage() == message && unitOfWork.resources().containsKey(MARK);
    }
}
