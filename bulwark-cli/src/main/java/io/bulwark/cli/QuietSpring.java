package io.bulwark.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Spring context run by a command ({@code doctor}, {@code admin}) without a server: its logs kept
 * to warnings on the error stream, so that standard output holds only the command's own answer.
 */
final class QuietSpring {

  /**
   * Warnings only; a context that cannot start is reported by the command, not as a stack trace.
   */
  static final List<String> LOGGING =
      List.of(
          "--logging.level.root=WARN",
          "--logging.level.org.springframework.boot.SpringApplication=OFF",
          "--logging.level.com.zaxxer.hikari=OFF");

  private QuietSpring() {}

  /** Runs {@code action} with {@code System.out} (where Spring logs) pointed at {@code err}. */
  static <T> T withLogsOn(PrintStream err, Supplier<T> action) {
    PrintStream stdout = System.out;
    System.setOut(err);
    try {
      return action.get();
    } finally {
      System.setOut(stdout);
    }
  }
}
