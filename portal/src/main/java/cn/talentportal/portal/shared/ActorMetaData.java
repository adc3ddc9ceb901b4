package cn.talentportal.portal.shared;

import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import com.vaadin.flow.server.VaadinRequest;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static cn.talentportal.domain.shared.AuditMetaData.CLIENT_ADDRESS;
import static cn.talentportal.domain.shared.AuditMetaData.REASON;
import static cn.talentportal.domain.shared.AuditMetaData.ROLE;
import static cn.talentportal.domain.shared.AuditMetaData.USER_ID;
import static cn.talentportal.domain.shared.AuditMetaData.USER_NAME;

/**
 * Stamps every command sent from the portal with who sent it and from where; Axon's correlation data providers
 * copy it onto the events, so every stored event names its actor. Work without a signed-in user (demo seeding,
 * self-registration) is recorded as such, never left blank. The reason of a decision is stamped too.
 */
@Component
public class ActorMetaData implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> meta = new HashMap<>();
            UserAccount account = CurrentUser.account().orElse(null);
            if (!command.getMetaData().containsKey(USER_ID)) {
                meta.put(USER_ID, account == null ? ANONYMOUS : account.userId());
                meta.put(USER_NAME, account == null ? ANONYMOUS : account.displayName());
                meta.put(ROLE, account == null ? ANONYMOUS : account.role().name());
            }
            String address = clientAddress();
            if (address != null && !command.getMetaData().containsKey(CLIENT_ADDRESS)) {
                meta.put(CLIENT_ADDRESS, address);
            }
            String reason = reasonIn(command.getPayload());
            if (reason != null && !command.getMetaData().containsKey(REASON)) {
                meta.put(REASON, reason);
            }
            return command.andMetaData(meta);
        };
    }

    /**
     * A command where a person decides something carries its reason as a {@code reason} component; copied into the
     * metadata it follows every event the command causes, so the auditor sees it in one place for every event type.
     */
    static String reasonIn(Object payload) {
        if (payload != null && payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("reason") && component.getType() == String.class) {
                    try {
                        Object value = component.getAccessor().invoke(payload);
                        return value == null || value.toString().isBlank() ? null : value.toString().strip();
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static String clientAddress() {
        VaadinRequest vaadinRequest = VaadinRequest.getCurrent();
        if (vaadinRequest != null) {
            return vaadinRequest.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
