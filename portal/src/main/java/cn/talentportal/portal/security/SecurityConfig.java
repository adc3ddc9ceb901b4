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

/**
 * Form login through the Vaadin login view; views declare who may open them ({@code @RolesAllowed},
 * {@code @AnonymousAllowed}), and anything not declared is refused.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/public/**", "/actuator/health/**", "/actuator/health", "/styles/**",
                        "/icons/**", "/images/**", "/scripts/**",
                        // scripts served from webjars on the classpath (Apache ECharts for the statistics)
                        "/webjars/**").permitAll()
                // the interview room's signalling: the signed-in user's session; the handler checks the invitation
                .requestMatchers("/interview-room/signal").authenticated());
        http.headers(headers -> headers
                .contentTypeOptions(c -> { })
                .referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
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
