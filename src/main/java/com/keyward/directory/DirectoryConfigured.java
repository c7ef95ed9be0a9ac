package com.keyward.directory;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The directory is there when a URL or an embedded LDIF is set. */
class DirectoryConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return !environment.getProperty("keyward.ldap.url", "").isBlank()
                || !environment.getProperty("keyward.ldap.embedded-ldif", "").isBlank();
    }
}
