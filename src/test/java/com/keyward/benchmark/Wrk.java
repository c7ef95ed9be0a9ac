package com.keyward.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Runs wrk (Debian's package) and returns what it printed; a failed run fails the benchmark. */
final class Wrk {

    private Wrk() {}

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
