package cn.talentportal.projections.shared;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends a batch's pending read-model and search-index writes after its last event is handled (see
 * {@link BatchedWrites}); registered on every processor by infra's processor configuration.
 */
public class FlushBatchedWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        BatchedWrites.afterHandling(unitOfWork);
        return result;
    }
}
