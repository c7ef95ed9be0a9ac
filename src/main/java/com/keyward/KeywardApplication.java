package com.keyward;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class KeywardApplication {

    public static void main(String[] args) {
        if (!runnable()) {
            System.err.println("This Keyward jar was built without -Pproduction and cannot run: build it with "
                    + "./mvnw -Pproduction package (or start Keyward with ./mvnw).");
            System.exit(1);
        }
        if (args.length > 0 && (RecoverAdminCommand.NAME.equals(args[0]) || BackupCommands.NAMES.contains(args[0]))) {
            int status;
            try {
                status = RecoverAdminCommand.NAME.equals(args[0])
                        ? RecoverAdminCommand.run(args, System.out, System.err)
                        : BackupCommands.run(args, System.out, System.err);
            } catch (RuntimeException startFailure) {
                status = 1;
            }
            // the embedded database's process watchers must not keep the JVM alive
            System.exit(status);
        }
        try {
            SpringApplication.run(KeywardApplication.class, args);
        } catch (RuntimeException startFailure) {
            // Spring has already reported the cause; end the JVM so that no thread (the embedded
            // database's process watchers) keeps a failed start alive.
            System.exit(1);
        }
    }

    /**
     * Vaadin runs either from a production build (its build info says so) or in development mode,
     * which needs vaadin-dev on the class path. A plain {@code package} jar has neither and would
     * die in a stack trace about 'vaadin-dev-server'.
     */
    static boolean runnable() {
        if (KeywardApplication.class
                        .getClassLoader()
                        .getResource("com/vaadin/base/devserver/DevModeHandlerManagerImpl.class")
                != null) {
            return true;
        }
        try (InputStream info = KeywardApplication.class
                .getClassLoader()
                .getResourceAsStream("META-INF/VAADIN/config/flow-build-info.json")) {
            return info != null
                    && new String(info.readAllBytes(), StandardCharsets.UTF_8)
                            .replace(" ", "")
                            .contains("\"productionMode\":true");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
