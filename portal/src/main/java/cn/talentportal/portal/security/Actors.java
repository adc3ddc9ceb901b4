package cn.talentportal.portal.security;

import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.shared.ActorMetaData;
import java.util.Arrays;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Finds who sends a message: the signed-in user of this thread, else what the message's metadata says. */
@Component
public class Actors {

    private final UserAccounts accounts;

    public Actors(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Work the portal does on its own behalf says so ({@code Commands.sendAsSystem}). On a request, the signed-in
     * user acts, or a visitor who has not signed in. Off a request (the interview room's websocket) the sender
     * names the user in the metadata; with no user anywhere it is the portal's own work: a process, a deadline, the
     * start-up.
     */
    public Actor of(MetaData metaData) {
        Object role = metaData.get(AuditMetaData.ROLE);
        if (ActorMetaData.SYSTEM.equals(role)) {
            return Actor.SYSTEM;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            return authentication.getPrincipal() instanceof PortalUser user ? Actor.user(user.account())
                    : Actor.ANONYMOUS;
        }
        if (isPortalRole(role) && metaData.get(AuditMetaData.USER_ID) instanceof String userId) {
            return accounts.findByUserId(userId).map(Actor::user).orElse(Actor.ANONYMOUS);
        }
        return Actor.SYSTEM;
    }

    private static boolean isPortalRole(Object role) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role));
    }
}
