package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccount;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The account of whoever is signed in on this request, if anyone. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<UserAccount> account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user.account());
        }
        return Optional.empty();
    }

    public static UserAccount require() {
        return account().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public static boolean hasRole(Role role) {
        return account().map(a -> a.role() == role).orElse(false);
    }
}
