package io.bulwark.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Runs a command to completion, optionally as another user, and fails with its output. */
final class Commands {

  private static final long TIMEOUT_SECONDS = 600;

  private Commands() {}

  /**
   * Runs the command (through {@code runuser -u USER --} when {@code runAs} is not null) with the
   * extra environment, output to {@code log}; returns the output.
   */
  static String run(
      @Nullable String runAs, Map<String, String> env, Path log, List<String> command) {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + "s: " + full);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "exit status " + process.exitValue() + " from " + full + ":\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + full + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + full, e);
    }
  }
}
