package com.keyward.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Runs wrk (Debian's package) and returns what it printed; a failed run fails the benchmark. */
final class Wrk {

    private Wrk() {}

    /** Requests per second of one wrk run; any non-2xx answer spoils it (an exception, not a figure). */
    static double requestsPerSecond(List<String> command) throws Exception {
        String output = run(command);
        if (output.contains("Non-2xx")) {
            throw new IllegalStateException("errors while measuring " + command + ":\n" + output);
        }
        java.util.regex.Matcher rate =
                java.util.regex.Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("no rate in wrk output:\n" + output);
        }
        return Double.parseDouble(rate.group(1));
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text = out.lines().collect(Collectors.joining("\n"));
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + text);
            }
            return text;
        }
    }
}
