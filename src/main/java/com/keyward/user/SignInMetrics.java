package com.keyward.user;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins by outcome ({@code keyward.sign-ins}; attempts the throttle held back are counted by
 * the security module as {@code outcome=throttled}), for the operator's dashboards. Outcomes
 * only: never who.
 */
@Component
class SignInMetrics {

    private final MeterRegistry meters;

    SignInMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        meters.counter("keyward.sign-ins", "outcome", "success").increment();
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String type = event.getClass()
                .getSimpleName()
                .replace("AuthenticationFailure", "")
                .replace("Event", "");
        meters.counter("keyward.sign-ins", "outcome", outcome(type)).increment();
    }

    /** BadCredentials → bad_credentials, Locked → locked… */
    private static String outcome(String type) {
        return type.isEmpty()
                ? "other"
                : type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
