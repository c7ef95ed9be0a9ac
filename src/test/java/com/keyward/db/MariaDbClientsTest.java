package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clients' command lines hold no secret, and restore takes only a complete Keyward backup. */
class MariaDbClientsTest {

    private static final String PASSWORD = "S3cretPasswordOfTheEmbeddedDb0123";

    @TempDir
    Path folder;

    @Test
    void thePasswordIsInTheOptionsFileNeverOnTheCommandLineThatPsShows() {
        var clients = new MariaDbClients(folder, 3307, PASSWORD);
        List<String> command = clients.commandLine(
                folder.resolve("tmp/client-1.cnf"), List.of("mariadb-dump", "--single-transaction", "keyward"));

        assertThat(command)
                .containsExactly(
                        folder.resolve("base/bin/mariadb-dump").toString(),
                        "--defaults-file=" + folder.resolve("tmp/client-1.cnf"),
                        "--single-transaction",
                        "keyward");
        assertThat(String.join(" ", command)).doesNotContain(PASSWORD);
        assertThat(clients.options()).contains("password=" + PASSWORD, "port=3307", "user=keyward");
    }

    @Test
    void aFileThatIsNotAKeywardBackupIsRefusedBeforeAnythingChanges() throws Exception {
        Path other = Files.writeString(folder.resolve("other.sql"), "-- MariaDB dump 10.19\nDROP TABLE app_user;\n");
        assertThatThrownBy(() -> MariaDbClients.checkBackup(other))
                .hasMessage(other + " is not a Keyward backup (it does not begin with \"-- Keyward backup\"); nothing"
                        + " was changed");
    }

    @Test
    void aBackupCutShortIsRefused() throws Exception {
        Path cut = Files.writeString(
                folder.resolve("cut.sql"), "-- Keyward backup of database keyward, schema version 21\nCREATE TABLE");
        assertThatThrownBy(() -> MariaDbClients.checkBackup(cut))
                .hasMessageContaining("is an incomplete Keyward backup");

        Path complete = Files.writeString(
                folder.resolve("complete.sql"),
                "-- Keyward backup of database keyward, schema version 21\nCREATE TABLE t (id INT);\n\n"
                        + "-- Dump completed on 2026-12-07 20:00:00\n");
        MariaDbClients.checkBackup(complete);
    }
}
