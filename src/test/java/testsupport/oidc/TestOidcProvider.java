package testsupport.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A real OpenID Connect provider for the tests (outside com.keyward, so that Keyward's component
 * scan never picks its configuration up): Spring Security's authorization server, on its
 * own port of localhost, in its own small web context (no Spring Boot auto-configuration, so
 * none of Keyward's). One per JVM. People: kim (group key-makers), cleo (no groups), nemo (whose
 * tokens carry no username claim), dana (whose username is a local Keyward account's), and mallory and
 * trudy (other subjects, whose username claim a test may set to someone else's: {@link #ASSERTED}).
 */
public final class TestOidcProvider {

    public static final String CLIENT_ID = "keyward";
    public static final String CLIENT_SECRET = "keyward-test-secret";

    private static TestOidcProvider running;
    private static volatile int keywardPort;

    /** The port of the Keyward under test: its sign-in and sign-out addresses are the client's. */
    public static void keywardPort(int port) {
        keywardPort = port;
    }

    /** The groups a person is in at the provider now (a test may move someone). */
    public static final Map<String, List<String>> GROUPS = new java.util.concurrent.ConcurrentHashMap<>(
            Map.of("kim", List.of("key-makers", "staff"), "cleo", List.of()));

    /** The username claim a person's tokens carry instead of their own name (a test may set it). */
    public static final Map<String, String> ASSERTED = new java.util.concurrent.ConcurrentHashMap<>();

    private final int port;
    private final AnnotationConfigServletWebServerApplicationContext context;

    private TestOidcProvider(int port) {
        this.port = port;
        System.setProperty("keyward.test.oidc.port", String.valueOf(port));
        context = new AnnotationConfigServletWebServerApplicationContext(Provider.class);
    }

    public static synchronized TestOidcProvider start() {
        if (running == null) {
            running = new TestOidcProvider(freePort());
        }
        return running;
    }

    /** Where Keyward finds the provider (discovery); the browser reaches it on localhost. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    static class Provider {

        static int port() {
            return Integer.getInteger("keyward.test.oidc.port");
        }

        /**
         * Keyward's Vaadin replaces the JVM-wide security-context strategy after this provider has
         * started; the provider's filters follow whichever strategy is current, as its OAuth2
         * endpoints (which read SecurityContextHolder directly) do.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<org.springframework.security.core.context.SecurityContext>
                        getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(
                        java.util.function.Supplier<org.springframework.security.core.context.SecurityContext>
                                deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        TomcatServletWebServerFactory webServer() {
            return new TomcatServletWebServerFactory(port());
        }

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Bean
        ServletRegistrationBean<DispatcherServlet> dispatcherServletRegistration(DispatcherServlet servlet) {
            return new ServletRegistrationBean<>(servlet, "/");
        }

        @Bean
        DelegatingFilterProxyRegistrationBean securityFilter() {
            return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        }

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("kim")
                            .password("{noop}kim-sso-pass")
                            .roles("USER")
                            .build(),
                    User.withUsername("cleo")
                            .password("{noop}cleo-sso-pass")
                            .roles("USER")
                            .build(),
                    User.withUsername("nemo")
                            .password("{noop}nemo-sso-pass")
                            .roles("USER")
                            .build(),
                    // a namesake of Keyward's local dana
                    User.withUsername("dana")
                            .password("{noop}dana-sso-pass")
                            .roles("USER")
                            .build(),
                    User.withUsername("mallory")
                            .password("{noop}mallory-sso-pass")
                            .roles("USER")
                            .build(),
                    User.withUsername("trudy")
                            .password("{noop}trudy-sso-pass")
                            .roles("USER")
                            .build());
        }

        /** The claims a corporate provider adds: the username, name, email and groups. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                String name = context.getPrincipal().getName();
                if (!name.equals("nemo")) {
                    context.getClaims().claim("preferred_username", ASSERTED.getOrDefault(name, name));
                }
                context.getClaims().claim("name", Character.toUpperCase(name.charAt(0)) + name.substring(1) + " Sso");
                context.getClaims().claim("email", name + "@idp.example");
                context.getClaims().claim("groups", GROUPS.getOrDefault(name, List.of()));
            };
        }

        /** Keyward as the provider's client; its addresses follow the port Keyward's test runs on. */
        @Bean
        RegisteredClientRepository clients() {
            String id = UUID.randomUUID().toString();
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    // the provider re-saves a client whose secret encoding it would upgrade: nothing to keep
                }

                @Override
                public RegisteredClient findById(String wanted) {
                    return id.equals(wanted) ? keyward(id) : null;
                }

                @Override
                public RegisteredClient findByClientId(String wanted) {
                    return CLIENT_ID.equals(wanted) ? keyward(id) : null;
                }
            };
        }

        private static RegisteredClient keyward(String id) {
            String keyward = "http://127.0.0.1:" + keywardPort;
            return RegisteredClient.withId(id)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(keyward + "/login/oauth2/code/corp")
                    .postLogoutRedirectUri(keyward + "/login?signed-out")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .requireProofKey(true)
                            .build())
                    .build();
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The provider's own user-info endpoint reads its access tokens with it. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder()
                    .issuer("http://localhost:" + port())
                    .build();
        }
    }
}
