package com.keyward.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Keyward in a process of its own, as an operator runs it: its main class on the test class path,
 * configured by environment variables, its output in a log file. Several run side by side.
 */
public final class KeywardProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private final int port;
    private Process process;

    private KeywardProcess(Map<String, String> environment, List<String> arguments, Path log, int port) {
        this.environment = environment;
        this.arguments = arguments;
        this.log = log;
        this.port = port;
    }

    /** Starts one on a free port and returns once {@code ready} holds for its log, or fails with the log. */
    public static KeywardProcess start(Map<String, String> environment, Predicate<String> ready, String... arguments)
            throws Exception {
        KeywardProcess keyward = new KeywardProcess(
                environment, List.of(arguments), Files.createTempFile("keyward-node-", ".log"), freePort());
        keyward.launch(ready);
        return keyward;
    }

    /** Starts one that is expected to refuse to start; returns its output once it has ended. */
    public static String failedStart(Map<String, String> environment) throws Exception {
        KeywardProcess keyward =
                new KeywardProcess(environment, List.of(), Files.createTempFile("keyward-failed-", ".log"), freePort());
        try {
            keyward.launch(log -> false);
        } catch (IllegalStateException ended) {
            return keyward.log();
        }
        throw new IllegalStateException("Keyward started although it should not have");
    }

    /** Ready once Spring Boot says it has started. */
    public static Predicate<String> started() {
        return log -> log.contains("Started KeywardApplication");
    }

    /** Starts it again after {@link #kill()} or {@link #stop()}: same port, environment and log. */
    public void restart(Predicate<String> ready) throws Exception {
        launch(ready);
    }

    private void launch(Predicate<String> ready) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "com.keyward.KeywardApplication",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        builder.environment().putAll(environment);
        int before = log().length();
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ready.test(log().substring(before))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Keyward did not start (exit "
                        + (process.isAlive() ? "-" : process.exitValue()) + "):\n" + log().substring(before));
            }
            Thread.sleep(200);
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook runs, nothing is closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A clean stop (SIGTERM), as systemd does. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** The status of GET path, or -1 when nothing answered within two seconds. */
    public int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url(path)))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
