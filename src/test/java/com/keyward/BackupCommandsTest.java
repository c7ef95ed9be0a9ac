package com.keyward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The commands' words; what they do is BackupRestoreIT's. */
class BackupCommandsTest {

    @Test
    void backupOrRestoreAndOneFile() {
        assertThat(BackupCommands.Request.parse(new String[] {"backup", "keyward.sql"}))
                .contains(new BackupCommands.Request("backup", Path.of("keyward.sql")));
        assertThat(BackupCommands.Request.parse(new String[] {"restore", "/var/backups/keyward.sql"}))
                .contains(new BackupCommands.Request("restore", Path.of("/var/backups/keyward.sql")));
    }

    @Test
    void anythingElseGetsTheUsageLineAndStatus64WithoutTouchingTheDatabase() {
        for (String[] wrong : new String[][] {{"backup"}, {"restore", "a.sql", "b.sql"}, {"restore", "--force"}}) {
            var err = new ByteArrayOutputStream();
            int status = BackupCommands.run(
                    wrong,
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(64);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Usage: java -jar keyward.jar backup FILE | java -jar keyward.jar restore FILE"
                            + System.lineSeparator());
        }
    }
}
