package com.keyward.security;

import com.keyward.db.DatabaseOutage;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

@Configuration
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            RequestUtil vaadinRequests,
            VaadinDefaultRequestCache vaadinRequestCache,
            AuthenticationManager authenticationManager,
            ObjectProvider<ClientRegistrationRepository> ssoRegistrations,
            ProxyManager<String> buckets,
            CurrentUser currentUser,
            MeterRegistry meters,
            @Value("${keyward.sign-in.attempts-per-address:30}") int perAddress,
            @Value("${keyward.sign-in.attempts-period:PT1M}") Duration period,
            @Value("${keyward.sign-in.failures-per-source:5/PT5M,20/PT1H,50/P1D}") String perSource,
            @Value("${keyward.sign-in.failures-per-account:100}") int perAccount,
            @Value("${keyward.sign-in.failures-per-account-period:PT1H}") Duration perAccountPeriod)
            throws Exception {
        // One answer for every failure: a wrong password, an unknown, locked, disabled or expired
        // account. Whoever does not hold the account learns nothing, not even from the right password.
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/" + LoginView.ROUTE + "?error");
        // only when the directory cannot be reached is the answer another one: nothing about the account
        // and when a directory entry's name is another identity's account (it proved its password)
        failures.setExceptionMappings(Map.of(
                SignInUnavailableException.class.getName(),
                "/" + LoginView.ROUTE + "?" + LoginView.UNAVAILABLE,
                IdentityMismatchException.class.getName(),
                "/" + LoginView.ROUTE + "?" + LoginView.BOUND));
        http.addFilterBefore(
                new SignInThrottleFilter(
                        new SignInThrottle(
                                new Throttle(buckets, "sign-in-address", perAddress, period),
                                new Throttle(buckets, "sign-in-source", Throttle.Limit.parse(perSource)),
                                new Throttle(buckets, "sign-in-account", perAccount, perAccountPeriod),
                                new Throttle(buckets, "sign-in-failing", 1, perAccountPeriod)),
                        meters),
                UsernamePasswordAuthenticationFilter.class);
        // Vaadin's own requests carry Vaadin's CSRF token; everything else, the sign-in form included
        // (login CSRF), needs Spring's. The form sends it from the page's _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // Redirects to the sign-in page are relative: never built from a Host header someone forged.
        var toLogin = new LoginUrlAuthenticationEntryPoint("/" + LoginView.ROUTE);
        toLogin.setFavorRelativeUris(true);
        // and so is the one back to the page asked for before signing in
        vaadinRequestCache.setDelegateRequestCache(new RelativeRequestCache());
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                toLogin, request -> !vaadinRequests.isFrameworkInternalRequest(request)));
        // our stylesheet is public like Vaadin's own static files (the login page needs it)
        // the API's documentation and the health probes are public too; the API itself has its own chain
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/styles/**",
                        "/v3/api-docs/**",
                        "/v3/api-docs",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/actuator/health/**",
                        "/actuator/health")
                .permitAll()
                // asked of the account as it is now, not of what the session held at sign-in: a
                // disabled or demoted Admin's session (one that never opened a page) too
                .requestMatchers("/actuator/**")
                .access(currentUser.holding(Authorities.ADMINISTRATION))
                // Vaadin's own rules deny an address that is no route with a bare 403; a signed-in
                // browser asking for a page gets Vaadin's answer instead: its not-found view inside
                // the shell (Vaadin's route access checks still decide every real route)
                .requestMatchers(request -> pageNavigation(request) && signedIn())
                .permitAll());
        // Vaadin's configurer first: it marks the login page as custom before form login
        // initialises, otherwise Spring would also serve its own generated login page.
        ClientRegistrationRepository sso = ssoRegistrations.getIfAvailable();
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class).enableCsrfConfiguration(false);
            if (sso != null) {
                // signing out also ends the provider's session, where it offers an end-session endpoint
                var providerToo = new OidcClientInitiatedLogoutSuccessHandler(sso);
                providerToo.setPostLogoutRedirectUri("{baseUrl}/" + LoginView.ROUTE + "?" + LoginView.SIGNED_OUT);
                // local and directory sign-outs land where they always did
                providerToo.setDefaultTargetUrl("/" + LoginView.ROUTE);
                // Sign out is a Vaadin request: the page goes to the provider, not an XHR (which CSP forbids)
                providerToo.setRedirectStrategy(new UidlRedirectStrategy());
                vaadin.logoutSuccessHandler(providerToo);
            }
        });
        if (sso != null) {
            http.oauth2Login(login -> login.loginPage("/" + LoginView.ROUTE)
                    .failureHandler((request, response, refused) -> new DefaultRedirectStrategy()
                            .sendRedirect(
                                    request,
                                    response,
                                    "/" + LoginView.ROUTE + "?" + LoginView.SSO_REFUSED + "="
                                            + (refused instanceof OAuth2AuthenticationException oauth
                                                    ? oauth.getError().getErrorCode()
                                                    : "failed"))));
        }
        http.authenticationManager(authenticationManager);
        // the database away: say so, rather than "check your password"
        AuthenticationFailureHandler signInFailures = (request, response, refused) -> {
            if (DatabaseOutage.causes(refused)) {
                new DefaultRedirectStrategy()
                        .sendRedirect(request, response, "/" + LoginView.ROUTE + "?" + LoginView.DATABASE_AWAY);
            } else {
                failures.onAuthenticationFailure(request, response, refused);
            }
        };
        http.formLogin(form -> form.failureHandler(signInFailures));
        return http.build();
    }

    private static boolean signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** A browser asking for a page: GET, wanting HTML, outside the API. */
    private static boolean pageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod())
                && accept != null
                && accept.contains("text/html")
                && !path.startsWith("/api/");
    }

    /**
     * Password first, account status second: someone who does not know the password learns
     * nothing about whether an account exists, is locked or disabled.
     */
    @Bean
    @Order(0)
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * Keyward's own passwords first, then any other source configured (the directory): each
     * provider in its order, the first that knows the person decides. Successes and failures are
     * published, so that failed sign-ins are counted whatever checked the password.
     */
    @Bean
    AuthenticationManager authenticationManager(
            ObjectProvider<AuthenticationProvider> providers,
            AuthenticationEventPublisher publisher,
            @Value("${keyward.local-login:true}") boolean passwordSignIn) {
        // KEYWARD_LOCAL_LOGIN=false: no password is checked at all, only the SSO provider signs people in
        var manager = new ProviderManager(providers
                .orderedStream()
                .filter(provider -> passwordSignIn || !provider.supports(UsernamePasswordAuthenticationToken.class))
                .toList());
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No authorization observations: they render every request's granted authorities into
     * Micrometer key values, which the JFR profile of the API-key path showed costing more than
     * the key check itself (a key's principal carries its owner's authorities and its API sets).
     * Authentication observations and the request metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
