package com.keyward.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * README, "Recovering access", followed literally on a production start: the first Admin from
 * KEYWARD_ADMIN_USERNAME, nobody knows the password any more, the host runs {@code recover-admin},
 * and the next start with the same settings goes on (it used to exit with "This username is
 * taken" when the only Admin was locked: a restart loop under systemd).
 */
class RecoverAdminIT {

    private static final String LINK = "https://keyward.example.com/set-password/[A-Za-z0-9_-]{43}";

    @Test
    void anInstallationWhoseAdminIsLockedOutIsRecoveredOnTheHostAndRestartsWithItsSettings() throws Exception {
        Path data = Path.of("target", "recover-admin-it-" + System.nanoTime()).toAbsolutePath();
        Map<String, String> environment = Map.of(
                "KEYWARD_DATA_DIR", data.resolve("mariadb").toString(),
                // the tests' own configuration asks for a throwaway database: this one persists
                "KEYWARD_EMBEDDED_DB_THROWAWAY", "false",
                "KEYWARD_DEMO_DATA_ENABLED", "false",
                "KEYWARD_ADMIN_USERNAME", "ada",
                "KEYWARD_ADMIN_PASSWORD", "a forgotten admin passphrase 2026",
                "KEYWARD_PUBLIC_URL", "https://keyward.example.com/");
        // the first-admin step runs just after Spring's "Started" line
        try (KeywardProcess keyward = KeywardProcess.start(
                environment, log -> log.contains("First Admin \"ada\" created from KEYWARD_ADMIN_USERNAME"))) {
            keyward.stop();

            HostCommand recovered = HostCommand.run(environment, "recover-admin", "ada");
            assertThat(recovered.status()).isZero();
            assertThat(recovered.out()).containsPattern("Set a new password for ada within 72 hours, once: " + LINK);
            HostCommand unknown = HostCommand.run(environment, "recover-admin", "nobody");
            assertThat(unknown.status()).isEqualTo(2);
            assertThat(unknown.err().strip())
                    .endsWith("recover-admin: there is no account named \"nobody\" (name an existing account by its"
                            + " username; nothing was changed)");

            int before = keyward.log().length();
            // the restart goes on (it used to end here with "This username is taken")
            keyward.restart(log ->
                    log.contains("KEYWARD_ADMIN_USERNAME is set, but this installation has had an Admin already"));
            assertThat(keyward.alive()).isTrue();
            assertThat(keyward.log().substring(before)).doesNotContain("set-up token");
            assertThat(keyward.status("/setup")).isEqualTo(404);
        }
    }
}
