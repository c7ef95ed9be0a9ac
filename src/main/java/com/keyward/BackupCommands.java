package com.keyward;

import com.keyward.db.EmbeddedBackups;
import com.keyward.db.EmbeddedDatabaseException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar keyward.jar backup FILE} and {@code restore FILE} for the embedded database,
 * with Keyward's usual settings (KEYWARD_DATA_DIR, application.properties, command-line
 * properties) but nothing else of Keyward started. A backup runs while Keyward runs or not; a
 * restore only while it does not. Exit 0 with one line on standard output, otherwise one line on
 * standard error saying why and what to do. Nothing is asked interactively.
 */
final class BackupCommands {

    static final String BACKUP = "backup";
    static final String RESTORE = "restore";
    static final Set<String> NAMES = Set.of(BACKUP, RESTORE);
    static final int USAGE = 64;
    static final int NOT_EMBEDDED = 2;

    private BackupCommands() {}

    /** What was asked: the command and its file; empty when the words are wrong. */
    record Request(String command, Path file) {

        static Optional<Request> parse(String[] args) {
            if (args.length != 2 || !NAMES.contains(args[0]) || args[1].isBlank() || args[1].startsWith("-")) {
                return Optional.empty();
            }
            return Optional.of(new Request(args[0], Path.of(args[1])));
        }
    }

    /** Only the settings: no bean of Keyward's, no database, no web server. */
    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Request> request = Request.parse(args);
        if (request.isEmpty()) {
            err.println("Usage: java -jar keyward.jar backup FILE | java -jar keyward.jar restore FILE");
            return USAGE;
        }
        String command = request.get().command();
        var application = new SpringApplication(SettingsOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        Path home;
        try (ConfigurableApplicationContext context = application.run(
                "--keyward.host-command=" + command, "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            Environment settings = context.getEnvironment();
            if (!settings.getProperty("spring.datasource.url", "").isBlank()) {
                err.println(command + ": Keyward uses an external database (SPRING_DATASOURCE_URL); back it up and "
                        + "restore it with mariadb-dump and mariadb as README.md, \"Backup and restore\", shows.");
                return NOT_EMBEDDED;
            }
            if (settings.getProperty("keyward.embedded-db.throwaway", Boolean.class, false)) {
                err.println(command + ": the embedded database is a throwaway one (KEYWARD_THROWAWAY_DB=true), "
                        + "deleted when Keyward stops; there is nothing to " + command + ".");
                return NOT_EMBEDDED;
            }
            home = Path.of(settings.getProperty("keyward.embedded-db.dir", "data/mariadb"));
        }
        try {
            out.println(
                    BACKUP.equals(command)
                            ? EmbeddedBackups.backup(home, request.get().file())
                            : EmbeddedBackups.restore(home, request.get().file()));
            return 0;
        } catch (EmbeddedDatabaseException failed) {
            err.println(command + ": " + failed.getMessage() + ". " + failed.action());
            return 1;
        }
    }
}
