package cn.talentportal.portal.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends every session of the signed-in user (a lost phone, a shared computer), this one last: the others are
 * marked expired and are signed out at their next request.
 */
@Component
public class SignOutEverywhere {

    private final SessionRegistry sessions;
    private final AuthenticationContext authentication;

    public SignOutEverywhere(SessionRegistry sessions, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
    }

    public void now() {
        authentication.getAuthenticatedUser(PortalUser.class).ifPresent(user ->
                sessions.getAllSessions(user, false).forEach(SessionInformation::expireNow));
        authentication.logout();
    }
}
