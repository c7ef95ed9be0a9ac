package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A local user prepares the embedded database's folder (under /tmp, say) with a database password
 * of their choosing, or leaves it open to change: Keyward refuses to start on it, as ssh refuses
 * a ~/.ssh others can change, and says what is wrong and what to do — before it reads or runs
 * anything in it. The tests run as root and play the other user as {@code nobody}.
 */
class DataFolderTest {

    private static final String MALLORYS_PASSWORD = "chosen-by-mallory";

    private final List<Path> folders = new ArrayList<>();

    @AfterEach
    void deleteTheFolders() throws Exception {
        for (Path folder : folders) {
            Folders.delete(folder);
        }
    }

    @Test
    void aFolderAnotherUserPreparedWithAPasswordOfTheirChoiceIsRefused() throws Exception {
        Path prepared = folder("keyward-prepared-");
        Files.writeString(prepared.resolve(EmbeddedMariaDb.PASSWORD_FILE), MALLORYS_PASSWORD);
        Files.setOwner(prepared.resolve(EmbeddedMariaDb.PASSWORD_FILE), nobody());
        Files.setOwner(prepared, nobody());

        EmbeddedDatabaseException refused = refusedStart(prepared);

        assertThat(refused.getMessage())
                .isEqualTo("the embedded database folder " + prepared + " belongs to nobody (uid 65534), not to "
                        + System.getProperty("user.name")
                        + " who runs Keyward: whoever prepared it can read and change every table");
        assertThat(refused.action()).startsWith("Move it aside (mv " + prepared + " " + prepared + ".suspect)");
        assertNothingWasUsed(prepared);
        assertThat(Files.getOwner(prepared)).as("not taken over either").isEqualTo(nobody());
    }

    @Test
    void aFolderEveryoneCanWriteIsRefused() throws Exception {
        Path open = folder("keyward-open-");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        EmbeddedDatabaseException refused = refusedStart(open);

        assertThat(refused.getMessage())
                .isEqualTo("the embedded database folder " + open
                        + " can be changed by other users (mode 0777): anyone could have put a database password or "
                        + "program of their own in it");
        assertNothingWasUsed(open);
    }

    @Test
    void aPasswordFileOthersCanChangeIsRefused() throws Exception {
        Path home = folder("keyward-password-");
        Path password = home.resolve(EmbeddedMariaDb.PASSWORD_FILE);
        Files.writeString(password, MALLORYS_PASSWORD);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-rw-rw-"));

        EmbeddedDatabaseException refused = refusedStart(home);

        assertThat(refused.getMessage())
                .isEqualTo(password
                        + " in the embedded database folder can be read or changed by other users (mode 0666)");
        assertThat(refused.action())
                .isEqualTo("Delete it (rm " + password + "): Keyward makes a new database password at the next start.");
        assertNothingWasUsed(home);
    }

    @Test
    void aProgramAnotherUserPlantedInTheFolderIsRefused() throws Exception {
        Path home = folder("keyward-planted-");
        Path server = home.resolve("base/bin/mariadbd");
        Files.createDirectories(server.getParent());
        Files.writeString(server, "#!/bin/sh\nid > /tmp/owned\n");
        Files.setOwner(server, nobody());

        EmbeddedDatabaseException refused = refusedStart(home);

        assertThat(refused.getMessage())
                .isEqualTo(server + " in the embedded database folder belongs to nobody (uid 65534), not to "
                        + System.getProperty("user.name") + " who runs Keyward");
        assertNothingWasUsed(home);
    }

    @Test
    void aFolderInsideAFolderOthersCanWriteIsRefusedButTheStickyTempFolderIsFine() throws Exception {
        Path shared = folder("keyward-shared-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path home = shared.resolve("mariadb");

        EmbeddedDatabaseException refused = refusedStart(home);

        assertThat(refused.getMessage())
                .isEqualTo(shared + ", a folder above the embedded database folder, can be changed by other users "
                        + "(mode 0777), who could swap the database folder for one of their own");
        assertThat(refused.action()).startsWith("Run chmod go-w " + shared);
        // /tmp (1777) above every other folder of these tests is allowed, as ssh allows it
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of("/tmp"))))
                .isEqualTo("rwxrwxrwx");
    }

    @Test
    void aNewFolderIsCreatedOwnerOnlyFromItsFirstInstant() throws Exception {
        Path home = folder("keyward-new-").resolve("mariadb");

        DataFolder.ofThisProcess().prepare(home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .isEqualTo("rwx------");
    }

    private Path folder(String prefix) throws Exception {
        Path folder = Files.createTempDirectory(prefix);
        folders.add(folder);
        return folder;
    }

    private static EmbeddedDatabaseException refusedStart(Path home) {
        EmbeddedDatabaseException refused = catchThrowableOfType(
                EmbeddedDatabaseException.class,
                () -> EmbeddedMariaDb.start(home).stop());
        assertThat(refused).as("the start is refused").isNotNull();
        System.out.println("Description: " + refused.getMessage() + "\nAction: " + refused.action());
        return refused;
    }

    /** Nothing was read or run: no password of Keyward's, no binaries, no server. */
    private static void assertNothingWasUsed(Path home) throws Exception {
        assertThat(home.resolve("base/bin/mariadbd").toFile().length()).isLessThan(1000);
        assertThat(home.resolve(EmbeddedMariaDb.PID_FILE)).doesNotExist();
        Path password = home.resolve(EmbeddedMariaDb.PASSWORD_FILE);
        if (Files.exists(password)) {
            assertThat(Files.readString(password)).isEqualTo(MALLORYS_PASSWORD);
        }
    }

    private static UserPrincipal nobody() throws Exception {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }
}
