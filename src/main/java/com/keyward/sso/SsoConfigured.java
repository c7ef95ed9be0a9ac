package com.keyward.sso;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** SSO is there when a client registration is configured ({@code spring.security.oauth2.client.registration.*}). */
public class SsoConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("spring.security.oauth2.client.registration", Bindable.mapOf(String.class, Object.class))
                .map(registrations -> !registrations.isEmpty())
                .orElse(false);
    }
}
