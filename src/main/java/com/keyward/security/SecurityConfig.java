package com.keyward.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

@Configuration
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/" + LoginView.ROUTE + "?error");
        failures.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/" + LoginView.ROUTE + "?locked",
                DisabledException.class.getName(), "/" + LoginView.ROUTE + "?disabled",
                AccountExpiredException.class.getName(), "/" + LoginView.ROUTE + "?expired"));
        // our stylesheet is public like Vaadin's own static files (the login page needs it)
        // the API's documentation and the health probes are public too; the API itself has its own chain
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/v3/api-docs/**",
                "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/health")
                .permitAll()
                .requestMatchers("/actuator/**").hasAuthority(Authorities.ADMINISTRATION));
        // Vaadin's configurer first: it marks the login page as custom before form login
        // initialises, otherwise Spring would also serve its own generated login page.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.formLogin(form -> form.failureHandler(failures));
        return http.build();
    }

    /**
     * Password first, account status second: someone who does not know the password learns
     * nothing about whether an account exists, is locked or disabled.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker()::check);
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
