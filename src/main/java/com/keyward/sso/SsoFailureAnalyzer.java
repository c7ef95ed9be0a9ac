package com.keyward.sso;

import jakarta.annotation.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A start that cannot reach its OpenID Connect provider (wrong issuer URI, provider down, an
 * issuer that names itself differently) ends with one cause and one action, not a stack trace.
 */
public class SsoFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if ((cause instanceof IllegalArgumentException || cause instanceof IllegalStateException)
                    && message != null
                    && message.contains("Issuer")) {
                return new FailureAnalysis(
                        "Keyward cannot use its OpenID Connect provider: " + message.replaceAll("\\s+", " "),
                        "Check spring.security.oauth2.client.provider.<id>.issuer-uri (it must be the provider's own "
                                + "issuer, reachable from this host), or remove the SSO registration to start with "
                                + "local and directory sign-in only.",
                        cause);
            }
        }
        return null;
    }
}
