package com.keyward.db;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The embedded database's folder, treated as ssh treats {@code ~/.ssh} (StrictModes): Keyward
 * refuses to start on a folder, or on anything in it, that another user owns or can change, and on
 * a folder whose parents someone else could swap — a local user could otherwise prepare the folder
 * (say under /tmp) with a database password or a {@code mariadbd} of their choosing. A new folder
 * is created exclusively, owner-only from its first instant.
 */
final class DataFolder {

    /** MariaDB writes its own files with its umask 0660; inside an owner-only folder that is harmless. */
    private static final java.util.List<String> MARIADB_OWN = java.util.List.of("data", "tmp");

    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int OTHERS_WRITE = 0002;
    private static final int GROUP_OR_OTHERS_ANY = 0077;
    private static final int STICKY = 01000;
    private static final int TYPE = 0170000;
    private static final int SOCKET = 0140000;
    private static final int SYMLINK = 0120000;

    private final long uid;
    private final String user;

    private DataFolder(long uid, String user) {
        this.uid = uid;
        this.user = user;
    }

    /** Keyward's own user, as the kernel knows it. */
    static DataFolder ofThisProcess() {
        return new DataFolder(new UnixSystem().getUid(), System.getProperty("user.name", "Keyward's user"));
    }

    /**
     * Creates {@code root} owner-only (its missing parents as usual), or checks the one that is
     * there; then checks every parent. What is inside is checked by {@link #checkContents}, once
     * no server of an earlier Keyward runs on it any more.
     *
     * @return the folder's real path
     */
    Path prepare(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                // not group-writable whatever the umask (002 is common): the parent check would refuse it
                Files.createDirectories(
                        parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            }
            Files.createDirectory(
                    absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException existing) {
            // checked below, like any folder that was there before
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot create the embedded database folder " + absolute + ": " + e.getMessage(),
                    "Make the folder above it writable for " + user + ", or set KEYWARD_DATA_DIR to a folder " + user
                            + " may create.",
                    e);
        }
        Path real = realPath(absolute);
        checkParents(real);
        checkFolder(real);
        return real;
    }

    private String rootOrUser(String conjunction) {
        return uid == 0 ? "root" : "root " + conjunction + " " + user;
    }

    private Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot read the embedded database folder " + folder + ": " + e.getMessage(),
                    "Set KEYWARD_DATA_DIR to a folder of " + user + "'s own.",
                    e);
        }
    }

    /** Like ssh: every folder above is root's or ours, and nobody else can write it unless sticky (/tmp). */
    private void checkParents(Path real) {
        for (Path parent = real.getParent(); parent != null; parent = parent.getParent()) {
            Stat stat = stat(parent);
            if (stat.uid() != 0 && stat.uid() != uid) {
                throw new EmbeddedDatabaseException(
                        parent + ", a folder above the embedded database folder, belongs to " + stat.owner()
                                + ", who could swap the database folder for one of their own",
                        "Set KEYWARD_DATA_DIR to a folder whose parents belong to " + rootOrUser("or") + ".",
                        null);
            }
            if ((stat.mode() & GROUP_OR_OTHERS_WRITE) != 0 && (stat.mode() & STICKY) == 0) {
                throw new EmbeddedDatabaseException(
                        parent + ", a folder above the embedded database folder, can be changed by other users (mode "
                                + stat.permissions() + "), who could swap the database folder for one of their own",
                        "Run chmod go-w " + parent
                                + ", or set KEYWARD_DATA_DIR to a folder whose parents only " + rootOrUser("and")
                                + " can change.",
                        null);
            }
        }
    }

    private void checkFolder(Path real) {
        Stat stat = stat(real);
        if (stat.uid() != uid) {
            throw new EmbeddedDatabaseException(
                    "the embedded database folder " + real + " belongs to " + stat.owner() + ", not to " + user
                            + " who runs Keyward: whoever prepared it can read and change every table",
                    "Move it aside (mv " + real + " " + real + ".suspect) so that Keyward creates a new one, or set "
                            + "KEYWARD_DATA_DIR to a folder of " + user + "'s own.",
                    null);
        }
        if ((stat.mode() & GROUP_OR_OTHERS_WRITE) != 0) {
            throw new EmbeddedDatabaseException(
                    "the embedded database folder " + real + " can be changed by other users (mode "
                            + stat.permissions()
                            + "): anyone could have put a database password or program of their own in it",
                    "Move it aside (mv " + real + " " + real + ".suspect) so that Keyward creates a new one, or, if "
                            + "you know nobody did, run chmod 700 " + real + ".",
                    null);
        }
    }

    /** Everything inside is ours; nothing Keyward trusts (password, binaries) can be changed by others. */
    void checkContents(Path root) {
        Path real = realPath(root);
        try (Stream<Path> paths = Files.walk(real)) {
            paths.filter(path -> !path.equals(real)).forEach(path -> checkEntry(real, path));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot read the embedded database folder " + real + ": " + e.getMessage(),
                    "Give " + user + " the folder back: chown -R " + user + " " + real + ".",
                    e);
        }
    }

    private void checkEntry(Path root, Path path) {
        Stat stat = stat(path);
        if (stat.uid() != uid) {
            throw new EmbeddedDatabaseException(
                    path + " in the embedded database folder belongs to " + stat.owner() + ", not to " + user
                            + " who runs Keyward",
                    "Move the folder aside (mv " + root + " " + root + ".suspect) so that Keyward creates a new one, "
                            + "or, if you know the file, run chown " + user + " " + path + ".",
                    null);
        }
        int type = stat.mode() & TYPE;
        if (type == SYMLINK || type == SOCKET) {
            // a link's own mode is always 777, and mariadbd's socket must be: their owner is what counts
            return;
        }
        boolean mariaDbsOwn = MARIADB_OWN.stream().anyMatch(root.relativize(path)::startsWith)
                || path.getFileName().toString().equals(EmbeddedMariaDb.PID_FILE);
        int forbidden = mariaDbsOwn ? OTHERS_WRITE : GROUP_OR_OTHERS_WRITE;
        if (path.getFileName().toString().equals(EmbeddedMariaDb.PASSWORD_FILE)) {
            forbidden = GROUP_OR_OTHERS_ANY;
        }
        if ((stat.mode() & forbidden) != 0) {
            boolean password = forbidden == GROUP_OR_OTHERS_ANY;
            throw new EmbeddedDatabaseException(
                    path + " in the embedded database folder can be " + (password ? "read or changed" : "changed")
                            + " by other users (mode " + stat.permissions() + ")",
                    password
                            ? "Delete it (rm " + path + "): Keyward makes a new database password at the next start."
                            : "Run chmod go-w " + path + ", or move the folder aside (mv " + root + " " + root
                                    + ".suspect) so that Keyward creates a new one.",
                    null);
        }
    }

    private static Stat stat(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            String name = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            return new Stat(Integer.toUnsignedLong(owner), name, mode);
        } catch (IOException | UnsupportedOperationException e) {
            throw new EmbeddedDatabaseException(
                    "cannot read the owner and mode of " + path + ": " + e.getMessage(),
                    "Run Keyward on a file system with Unix owners and modes, or set SPRING_DATASOURCE_URL to use "
                            + "an external MariaDB.",
                    e);
        }
    }

    private record Stat(long uid, String name, int mode) {

        String owner() {
            return name.equals(Long.toString(uid)) ? "uid " + uid : name + " (uid " + uid + ")";
        }

        String permissions() {
            return String.format("%04o", mode & 07777);
        }
    }
}
