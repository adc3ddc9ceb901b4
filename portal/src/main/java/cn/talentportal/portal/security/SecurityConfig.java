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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Form login through the Vaadin login view; views declare who may open them ({@code @RolesAllowed},
 * {@code @AnonymousAllowed}), and anything not declared is refused.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/public/**", "/actuator/health/**", "/actuator/health", "/styles/**",
                        "/icons/**", "/images/**", "/scripts/**").permitAll()
                // the interview room's signalling: the signed-in user's session; the handler checks the invitation
                .requestMatchers("/interview-room/signal").authenticated());
        http.headers(headers -> headers
                .contentTypeOptions(c -> { })
                .referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
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
        return username -> accounts.find(username).map(PortalUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
