package com.keyward.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code java … com.keyward.KeywardApplication <arguments>} on the host, with Keyward's settings. */
record HostCommand(int status, String out, String err) {

    static HostCommand run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "com.keyward.KeywardApplication"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("keyward-command-", ".out");
        Path err = Files.createTempFile("keyward-command-", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        builder.environment().putAll(environment);
        int status = builder.start().waitFor();
        return new HostCommand(status, Files.readString(out), Files.readString(err));
    }
}
