package com.keyward.sso;

import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The standard {@code spring.security.oauth2.client.*} registrations, resolved when first needed
 * rather than at start: a provider that cannot be reached (down, wrong issuer) does not stop
 * Keyward. Until it answers, the sign-in page offers no SSO button, local and directory sign-in
 * work, and the log says once a minute what is wrong and what to do.
 */
class ProviderRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistrations.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final OAuth2ClientProperties properties;
    private final Clock clock;
    private volatile @Nullable Map<String, ClientRegistration> resolved;
    private volatile Instant nextTry = Instant.MIN;

    ProviderRegistrations(OAuth2ClientProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks the provider now (at start), so that a problem is in the log from the beginning. */
    void tryNow() {
        registrations();
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return registrations().get(registrationId);
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return registrations().values().iterator();
    }

    private Map<String, ClientRegistration> registrations() {
        Map<String, ClientRegistration> known = resolved;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (resolved == null && !clock.instant().isBefore(nextTry)) {
                try {
                    resolved = Map.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
                } catch (RuntimeException unreachable) {
                    nextTry = clock.instant().plus(RETRY);
                    log.warn(
                            "Keyward cannot use its OpenID Connect provider: {}. Single sign-on is off until it answers"
                                    + " (tried again in a minute); local and directory sign-in work. Check"
                                    + " spring.security.oauth2.client.provider.<id>.issuer-uri: it must be the"
                                    + " provider's own issuer, reachable from this host.",
                            String.valueOf(unreachable.getMessage()).replaceAll("\\s+", " "));
                }
            }
            Map<String, ClientRegistration> now = resolved;
            return now == null ? Map.of() : now;
        }
    }
}
