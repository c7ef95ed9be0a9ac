package com.keyward.db;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.datasource.*} at the embedded MariaDB when no database URL is configured,
 * so that Flyway, jOOQ and the connection pool all use the standard Spring Boot wiring.
 *
 * <p>Runs before the context exists: the database must be up before the first bean connects.
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private final Log log;

    public EmbeddedMariaDbEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedMariaDbEnvironmentPostProcessor.class);
    }

    static final String ACTIVE = "keyward.embedded-db.active";

    /** Host commands that start (or reach) the embedded server themselves, when and how they need it. */
    private static final java.util.Set<String> OWN_SERVER = java.util.Set.of("backup", "restore");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            if (!url.strip().startsWith("jdbc:")) {
                // what Hikari would say deep inside a 100-frame stack, said first and once
                // (not echoed: a URL may carry a password)
                throw new DatabaseUrlException("SPRING_DATASOURCE_URL does not start with \"jdbc:\".");
            }
            return;
        }
        if (OWN_SERVER.contains(environment.getProperty("keyward.host-command", ""))) {
            return;
        }
        boolean throwaway = environment.getProperty("keyward.embedded-db.throwaway", Boolean.class, false);
        Path home = throwaway ? null : Path.of(environment.getProperty("keyward.embedded-db.dir", "data/mariadb"));
        EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(home);
        db.stoppedOrphan()
                .ifPresent(pid -> log.warn("Stopped a MariaDB server (pid " + pid + ") left running on " + home
                        + " by a Keyward that did not stop cleanly, then started the database again."));
        if (!db.replacedBinaries().isEmpty()) {
            log.warn("Replaced " + db.replacedBinaries().size() + " MariaDB file(s) in " + home
                    + "/base that differed from the ones Keyward ships (" + String.join(", ", db.replacedBinaries())
                    + "). Someone with access to " + System.getProperty("user.name")
                    + "'s files changed them: find out who.");
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "keywardEmbeddedMariaDb",
                        Map.of(
                                "spring.datasource.url",
                                db.jdbcUrl(),
                                "spring.datasource.username",
                                EmbeddedMariaDb.USER,
                                "spring.datasource.password",
                                db.password(),
                                ACTIVE,
                                "true")));
    }
}
