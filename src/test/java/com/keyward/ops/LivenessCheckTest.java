package com.keyward.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd/keyward-liveness-check, as keyward-liveness.timer runs it every 10 s, against a
 * liveness endpoint whose answer the test sets; "systemctl restart" is a script that notes each
 * call (no systemd runs here).
 */
class LivenessCheckTest {

    private static final Path CHECK = Path.of("deploy/systemd/keyward-liveness-check");

    @TempDir
    Path folder;

    private final AtomicInteger liveness = new AtomicInteger(200);
    private HttpServer keyward;

    @BeforeEach
    void keywardAnsweringItsLivenessProbe() throws Exception {
        keyward = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyward.createContext("/actuator/health/liveness", exchange -> {
            byte[] body = (liveness.get() == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(liveness.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyward.start();
        Path restart = folder.resolve("systemctl-restart");
        Files.writeString(restart, "#!/bin/sh\necho restarted >> " + folder.resolve("restarts") + "\n");
        restart.toFile().setExecutable(true);
    }

    @AfterEach
    void stop() {
        keyward.stop(0);
    }

    @Test
    void theThirdDownInARowRestartsKeywardOnce() throws Exception {
        liveness.set(503);
        assertThat(check()).contains("failed (1 of 3 in a row): HTTP 503");
        assertThat(check()).contains("failed (2 of 3 in a row): HTTP 503");
        assertThat(restarts()).isZero();
        assertThat(check()).contains("DOWN 3 times in a row (HTTP 503");
        assertThat(restarts()).isEqualTo(1);
        // counting starts again after a restart
        assertThat(check()).contains("failed (1 of 3 in a row)");
        assertThat(restarts()).isEqualTo(1);
    }

    @Test
    void anAliveAnswerStartsTheCountAgain() throws Exception {
        liveness.set(503);
        check();
        check();
        liveness.set(200);
        assertThat(check()).isEmpty();
        liveness.set(503);
        check();
        check();
        assertThat(restarts()).isZero();
    }

    @Test
    void nobodyListeningIsNoFailureForAStartIsNeverCutShort() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        for (int run = 0; run < 4; run++) {
            assertThat(check("http://127.0.0.1:" + closed + "/actuator/health/liveness"))
                    .isEmpty();
        }
        assertThat(restarts()).isZero();
        assertThat(folder.resolve("failures")).doesNotExist();
    }

    private String check() throws Exception {
        return check("http://127.0.0.1:" + keyward.getAddress().getPort() + "/actuator/health/liveness");
    }

    /** One run of the check, as the timer starts it; its output (the journal's lines). */
    private String check(String url) throws Exception {
        ProcessBuilder run = new ProcessBuilder(List.of("/bin/sh", CHECK.toString())).redirectErrorStream(true);
        run.environment().put("KEYWARD_LIVENESS_URL", url);
        run.environment()
                .put("KEYWARD_LIVENESS_STATE", folder.resolve("failures").toString());
        run.environment()
                .put(
                        "KEYWARD_LIVENESS_RESTART",
                        folder.resolve("systemctl-restart").toString());
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.strip();
    }

    private long restarts() throws Exception {
        Path restarts = folder.resolve("restarts");
        return Files.exists(restarts) ? Files.readAllLines(restarts).size() : 0;
    }
}
