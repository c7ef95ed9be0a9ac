package com.keyward.demo;

import com.keyward.security.Authorities;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo personas of the product brief and a crowd of synthetic users.
 *
 * <p>On by default only for {@code ./mvnw} on the embedded database ({@code keyward.demo-data.enabled}
 * turns it on or off explicitly; a production jar needs it). Personas are created once, when {@code admin} does not exist yet; synthetic
 * users are topped up to {@code keyward.demo-data.synthetic-users}, so raising the number on an
 * existing database adds the missing ones.
 */
@Component
// before the first-admin step (user.FirstAdmin, last): the demo's admin is the installation's Admin,
// so no set-up token is ever printed where demo data is on
@Order(0)
class DemoDataSeeder implements ApplicationRunner {

    static final String API_INTEGRATOR = "API Integrator";
    static final String VIEWER = "Viewer";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DemoDataRepository demo;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;
    private final int syntheticUsers;

    DemoDataSeeder(
            DemoDataRepository demo,
            PasswordEncoder passwordEncoder,
            TransactionTemplate transaction,
            Clock clock,
            // on by default only when run from the build (./mvnw) on the embedded database: a
            // production jar never makes accounts with known passwords unless told to
            @Value("${keyward.demo-data.enabled:#{null}}") @Nullable Boolean enabled,
            @Value("${keyward.run-from-build:false}") boolean runFromBuild,
            @Value("${keyward.embedded-db.active:false}") boolean embedded,
            @Value("${keyward.demo-data.synthetic-users:2000}") int syntheticUsers) {
        this.demo = demo;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled != null ? enabled : runFromBuild && embedded;
        this.syntheticUsers = syntheticUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (!demo.userExists("admin")) {
                seedPersonas();
            }
        });
        log.warn("DEMO DATA IS ON: the accounts admin, dana, sam and olga sign in with their username as password."
                + " Never let real people use this installation (KEYWARD_DEMO_DATA_ENABLED=false turns it off).");
        int present = demo.highestSyntheticNumber();
        if (present < syntheticUsers) {
            long started = System.nanoTime();
            long viewer = demo.roleId(VIEWER).orElseThrow();
            // batches keep each transaction (and the undo log) small at a million users
            for (int batch = present + 1; batch <= syntheticUsers; batch += 50_000) {
                int from = batch;
                int to = Math.min(batch + 49_999, syntheticUsers);
                transaction.executeWithoutResult(status -> demo.insertSynthetic(from, to, viewer));
            }
            log.info(
                    "Demo data: {} synthetic users added in {} ms",
                    syntheticUsers - present,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void seedPersonas() {
        Instant now = clock.instant();
        long admin = demo.roleId("Admin").orElseThrow();
        long integrator = demo.insertRole(
                API_INTEGRATOR,
                "Views users and generates API keys for themselves.",
                List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY),
                now);
        long viewer = demo.insertRole(VIEWER, "Views users.", List.of(Authorities.VIEW_USERS), now);
        persona("admin", "Ada Admin", "ENABLED", admin, now);
        persona("dana", "Dana Developer", "ENABLED", integrator, now);
        persona("sam", "Sam Support", "ENABLED", viewer, now);
        persona("olga", "Olga Offboarded", "DISABLED", integrator, now);
        log.info("Demo data: personas admin, dana, sam, olga created (passwords in the README)");
    }

    /** Demo passwords equal the username; they are documented in the README. */
    private void persona(String username, String displayName, String status, long roleId, Instant now) {
        demo.insertPersona(
                username, displayName, status, Objects.requireNonNull(passwordEncoder.encode(username)), roleId, now);
    }
}
