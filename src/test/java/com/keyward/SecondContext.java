package com.keyward;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For a test class that starts a Spring context of its own next to the shared one: Vaadin's
 * security configuration makes its context's strategy the JVM's global one, so after that class
 * the shared context's filters (holding their own strategy) and the code reading the global holder
 * would look at two different places, and valid API keys would get 401. The shared context's
 * strategy is put back after the class.
 */
public final class SecondContext implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(SecondContext.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy shared =
                context.getStore(HERE).get("strategy", SecurityContextHolderStrategy.class);
        // Spring Security's own default means no context had set one yet: the class's context is the shared one now
        if (shared != null && !shared.getClass().getPackageName().equals("org.springframework.security.core.context")) {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }
}
