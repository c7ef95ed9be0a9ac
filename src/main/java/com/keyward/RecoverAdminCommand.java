package com.keyward;

import com.keyward.user.AdminRecovery;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar keyward.jar recover-admin USERNAME [--grant-admin]}: starts Keyward's
 * application context with its usual settings but with its web server switched off (and on
 * loopback only; no set-up token offered), has {@link AdminRecovery} print a one-time set-password link for that
 * account, and exits: 0 with the link on standard output, otherwise one line on standard error
 * saying why. With the embedded database, stop the running Keyward first (its data folder is in use).
 */
final class RecoverAdminCommand {

    static final String NAME = "recover-admin";
    static final String GRANT_ADMIN = "--grant-admin";
    static final int USAGE = 64;

    private RecoverAdminCommand() {}

    /** What was asked: the username and whether to give it the Admin role; empty when the words are wrong. */
    record Request(String username, boolean grantAdmin) {

        static Optional<Request> parse(String[] args) {
            List<String> names = new ArrayList<>();
            boolean grant = false;
            for (int i = 1; i < args.length; i++) {
                if (GRANT_ADMIN.equals(args[i])) {
                    grant = true;
                } else if (args[i].startsWith("--")) {
                    return Optional.empty();
                } else {
                    names.add(args[i]);
                }
            }
            return names.size() == 1 && !names.get(0).isBlank()
                    ? Optional.of(new Request(names.get(0), grant))
                    : Optional.empty();
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Request> request = Request.parse(args);
        if (request.isEmpty()) {
            err.println("Usage: java -jar keyward.jar " + NAME + " USERNAME [" + GRANT_ADMIN + "]");
            return USAGE;
        }
        var application = new SpringApplication(KeywardApplication.class);
        // command-line properties outrank PORT and every other setting: the web server does not start
        // (server.port=-1), and whatever the servlet container binds meanwhile is on loopback only
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=-1",
                "--server.address=127.0.0.1",
                "--keyward.host-command=" + NAME,
                "--spring.main.banner-mode=off")) {
            AdminRecovery.Outcome outcome = context.getBean(AdminRecovery.class)
                    .recover(request.get().username(), request.get().grantAdmin());
            (outcome.exitStatus() == 0 ? out : err).println(outcome.message());
            return outcome.exitStatus();
        }
    }
}
