package com.keyward.apikey;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * RFC 7662 introspection for other services: whether a key may act now (the same checks as a call
 * to Keyward's own API, within the same 5 s bound), and if so whose it is and its API sets. An
 * inactive key gets no reason and no owner.
 */
@Service
public class KeyIntrospection {

    private final ApiKeyAuthenticator authenticator;

    KeyIntrospection(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** What an active key is, as RFC 7662 names it. */
    public record ActiveKey(String sub, String scope, long exp, long iat, String clientId) {}

    /**
     * What the key is, if it may act now.
     *
     * @param clientIp where the service's own caller called from; without it, a key limited to
     *     networks is inactive (the address it must come from cannot be checked)
     * @param callerAddress the asking service's address, recorded as the key's last use when no
     *     {@code clientIp} is given
     */
    public Optional<ActiveKey> introspect(@Nullable String token, @Nullable String clientIp, String callerAddress) {
        String client = clientIp == null || clientIp.isBlank() ? null : clientIp.strip();
        if (authenticator.authenticate(token, client, client == null ? callerAddress : client)
                instanceof ApiKeyAuthenticator.Accepted accepted) {
            ApiKeyCredential key = accepted.credential();
            return Optional.of(new ActiveKey(
                    key.ownerUsername(),
                    String.join(" ", new java.util.TreeSet<>(key.apiSetCodes())),
                    key.expiresAt().getEpochSecond(),
                    key.createdAt().getEpochSecond(),
                    key.hint()));
        }
        return Optional.empty();
    }
}
