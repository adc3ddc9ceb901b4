package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.login.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Form login through the Vaadin login view; views declare who may open them ({@code @RolesAllowed},
 * {@code @AnonymousAllowed}), and anything not declared is refused.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessionRegistry)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/public/**", "/actuator/health/**", "/actuator/health", "/styles/**",
                        "/icons/**", "/images/**", "/scripts/**",
                        // scripts served from webjars on the classpath (Apache ECharts for the statistics)
                        "/webjars/**").permitAll()
                // the interview room's signalling: the signed-in user's session; the handler checks the invitation
                .requestMatchers("/interview-room/signal").authenticated());
        http.headers(headers -> headers
                .contentTypeOptions(c -> { })
                // no framing (clickjacking), no plugins, no foreign base URL; scripts are Vaadin's own business
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"))
                .permissionsPolicyHeader(p -> p.policy(
                        "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()"))
                .referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        // a new session id at sign-in (fixation), and every session of a user known, so all can be ended at once
        http.sessionManagement(sessions -> sessions
                .sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        return http.build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so it does not keep them all. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    LoginThrottleFilter.Outcomes loginOutcomes(LoginThrottle throttle) {
        return new LoginThrottleFilter.Outcomes(throttle);
    }

    /** bcrypt today, with the algorithm id stored in each hash so a stronger one can take over later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.find(username)
                .map(account -> new PortalUser(account, accounts.isEnabled(account.username())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
