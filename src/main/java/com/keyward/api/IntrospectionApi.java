package com.keyward.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.keyward.apikey.AllowedNetworks;
import com.keyward.apikey.KeyIntrospection;
import com.keyward.apiset.ApiSetPath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Introspection API: RFC 7662 token introspection of Keyward keys, for other services. */
@RestController
@RequestMapping(path = ApiSetPath.INTROSPECTION_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Introspection API",
        description = "Lets another service check a Keyward key: active or not, whose, which API sets (RFC 7662).")
public class IntrospectionApi {

    /** How long a caller may keep an answer: the bound within which Keyward's own API sees a revoke. */
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final KeyIntrospection introspection;

    public IntrospectionApi(KeyIntrospection introspection) {
        this.introspection = introspection;
    }

    /** RFC 7662's answer: {@code {"active": false}} alone, or the key's facts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Introspection(
            boolean active,
            @Nullable String sub,
            @Nullable String scope,
            @Nullable Long exp,
            @Nullable Long iat,
            @JsonProperty("client_id") @Nullable String clientId,
            @JsonProperty("token_type") @Nullable String tokenType) {

        static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, null);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(
            summary = "Whether a Keyward key is active, and if so whose it is and its API sets (RFC 7662)",
            description = "An inactive key (unknown, malformed, revoked, expired, its owner unable to sign in, or "
                    + "used from outside its allowed networks) gets {\"active\": false} and nothing else. A key "
                    + "limited to networks is active only when client_ip is inside them. Answers may be cached "
                    + "for 5 seconds.")
    public ResponseEntity<Introspection> introspect(
            @Parameter(description = "the key to check") @RequestParam(name = "token", required = false) @Nullable
                    String token,
            @Parameter(description = "RFC 7662 hint; ignored: Keyward has one kind of token")
                    @RequestParam(name = "token_type_hint", required = false)
                    @Nullable
                    String tokenTypeHint,
            @Parameter(description = "the address the key was presented from, at the asking service")
                    @RequestParam(name = "client_ip", required = false)
                    @Nullable
                    String clientIp,
            HttpServletRequest request) {
        if (clientIp != null && !clientIp.isBlank() && !AllowedNetworks.isAddress(clientIp.strip())) {
            throw new IllegalArgumentException("client_ip is not an IPv4 or IPv6 address.");
        }
        Introspection answer = introspection
                .introspect(token, clientIp, request.getRemoteAddr())
                .map(key -> new Introspection(
                        true, key.sub(), key.scope(), key.exp(), key.iat(), key.clientId(), "api_key"))
                .orElse(Introspection.INACTIVE);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePrivate())
                .body(answer);
    }
}
