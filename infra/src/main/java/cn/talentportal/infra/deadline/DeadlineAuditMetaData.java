package cn.talentportal.infra.deadline;

import cn.talentportal.domain.shared.AuditMetaData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A deadline acts for nobody but the clock: the events its handler applies name the system as their actor (with
 * the deadline's name), and stay in the conversation of the command that scheduled them, so an auditor follows an
 * offer's expiry or a milestone back to the signing or placement that set it.
 */
class DeadlineAuditMetaData implements MessageDispatchInterceptor<DeadlineMessage<?>> {

    static final String SYSTEM = "system";
    private static final String TRACE_ID = "traceId";

    @Override
    public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(
            List<? extends DeadlineMessage<?>> messages) {
        return (index, deadline) -> {
            Map<String, Object> meta = new HashMap<>();
            meta.put(AuditMetaData.USER_ID, SYSTEM);
            meta.put(AuditMetaData.USER_NAME, SYSTEM + ":" + deadline.getDeadlineName());
            meta.put(AuditMetaData.ROLE, SYSTEM);
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                Message<?> scheduledBy = unitOfWork.getMessage();
                // Axon's MessageOriginProvider: traceId is the conversation's root, correlationId the direct cause
                // (here the deadline message itself, set when it fires)
                meta.put(TRACE_ID, scheduledBy.getMetaData().getOrDefault(TRACE_ID, scheduledBy.getIdentifier()));
            });
            return deadline.andMetaData(meta);
        };
    }
}
