package com.keyward.directory;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class EmbeddedLdifConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !context.getEnvironment()
                .getProperty("keyward.ldap.embedded-ldif", "")
                .isBlank();
    }
}
