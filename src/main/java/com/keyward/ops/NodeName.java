package com.keyward.ops;

import java.util.regex.Pattern;
import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * With several nodes behind a proxy, each names itself ({@code KEYWARD_NODE_NAME}, e.g. node-a):
 * its session ids end in ".node-a" (Tomcat's jvmRoute), so that the proxy sends a console's
 * requests to the node that holds its session (see deploy/nginx/keyward.conf).
 */
@Component
class NodeName implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String name;

    NodeName(@Value("${keyward.node-name:}") String name) {
        if (!name.isEmpty() && !ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "KEYWARD_NODE_NAME may hold letters, digits, '-' and '_' only (at most 32): " + name);
        }
        this.name = name;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (name.isEmpty()) {
            return;
        }
        // the context joins its engine only after customizing: name the engine as the context starts
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container parent = context.getParent();
                while (parent != null && !(parent instanceof Engine)) {
                    parent = parent.getParent();
                }
                if (parent instanceof Engine engine) {
                    engine.setJvmRoute(name);
                }
            }
        }));
    }
}
