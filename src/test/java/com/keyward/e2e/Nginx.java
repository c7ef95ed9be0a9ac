package com.keyward.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Debian's nginx with the repository's deploy/nginx/keyward.conf, as an operator installs it: only
 * the ports are this test's (the nodes' and nginx's own).
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path folder;

    private Nginx(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    static Nginx inFrontOf(int nodeA, int nodeB) throws Exception {
        int port = KeywardProcess.freePort();
        Path folder = Files.createTempDirectory("keyward-nginx-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        String site = Files.readString(Path.of("deploy/nginx/keyward.conf"))
                .replace("127.0.0.1:8081", "127.0.0.1:" + nodeA)
                .replace("127.0.0.1:8082", "127.0.0.1:" + nodeB)
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace(
                        "/var/log/nginx/keyward.access.log",
                        folder.resolve("access.log").toString());
        Files.writeString(folder.resolve("keyward.conf"), site);
        Files.writeString(folder.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 512; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/keyward.conf;
                }
                """.formatted(folder));
        Process process = new ProcessBuilder(
                        "/usr/sbin/nginx",
                        "-p",
                        folder.toString(),
                        "-c",
                        folder.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(process, port, folder);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(folder.resolve("nginx.pid"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "nginx did not start: " + Files.readString(folder.resolve("nginx.out")) + errors(folder));
            }
            Thread.sleep(100);
        }
        return nginx;
    }

    private static String errors(Path folder) throws IOException {
        Path log = folder.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String accessLog() throws IOException {
        return Files.readString(folder.resolve("access.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
