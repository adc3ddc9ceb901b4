package cn.talentportal.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before the password is even checked while {@link LoginThrottle} says so, and sends the
 * browser back to the login page with the time it may try again; counts each outcome of the attempts it lets pass.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/login";

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + LOGIN_PATH).equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Instant> lockedUntil = throttle.lockedUntil(request.getParameter("username"), request.getRemoteAddr());
        if (lockedUntil.isPresent()) {
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?locked="
                    + lockedUntil.get().getEpochSecond());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Spring Security's events for the attempts let through, as a bean of their own. */
    public static class Outcomes {

        private final LoginThrottle throttle;

        public Outcomes(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @EventListener
        public void on(AuthenticationFailureBadCredentialsEvent failure) {
            String address = failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
                    ? web.getRemoteAddress() : null;
            throttle.failed(String.valueOf(failure.getAuthentication().getPrincipal()), address);
        }

        @EventListener
        public void on(AuthenticationSuccessEvent success) {
            throttle.succeeded(success.getAuthentication().getName());
        }
    }
}
