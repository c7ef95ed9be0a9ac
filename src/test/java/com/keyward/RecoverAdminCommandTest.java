package com.keyward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command's words; what it does is AdminRecoveryTest's. */
class RecoverAdminCommandTest {

    @Test
    void aUsernameAndOptionallyGrantAdmin() {
        assertThat(RecoverAdminCommand.Request.parse(new String[] {"recover-admin", "ada"}))
                .contains(new RecoverAdminCommand.Request("ada", false));
        assertThat(RecoverAdminCommand.Request.parse(new String[] {"recover-admin", "--grant-admin", "ada"}))
                .contains(new RecoverAdminCommand.Request("ada", true));
    }

    @Test
    void anythingElseGetsTheUsageLineAndStatus64WithoutStartingKeyward() {
        for (String[] wrong :
                new String[][] {{"recover-admin"}, {"recover-admin", "ada", "bob"}, {"recover-admin", "ada", "--force"}
                }) {
            var err = new ByteArrayOutputStream();
            int status = RecoverAdminCommand.run(
                    wrong,
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(64);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Usage: java -jar keyward.jar recover-admin USERNAME [--grant-admin]"
                            + System.lineSeparator());
        }
    }
}
