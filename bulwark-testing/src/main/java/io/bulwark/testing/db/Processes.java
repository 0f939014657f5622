package io.bulwark.testing.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Runs a command to completion, optionally as another user, and fails with its output. */
final class Processes {

  private static final long TIMEOUT_SECONDS = 120;

  private Processes() {}

  /**
   * Runs the command; when {@code runAs} is not null, through {@code runuser -u USER --}.
   *
   * @throws IllegalStateException with the command's output when it fails or times out
   */
  static String run(@Nullable String runAs, Path outputFile, List<String> command) {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    try {
      Process process =
          new ProcessBuilder(full)
              .redirectErrorStream(true)
              .redirectOutput(outputFile.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + "s: " + full);
      }
      String output = Files.readString(outputFile, StandardCharsets.UTF_8);
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
