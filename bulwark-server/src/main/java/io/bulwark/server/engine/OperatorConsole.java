package io.bulwark.server.engine;

import java.io.PrintStream;

/**
 * The terminal of the operator who starts the server: standard output, not a logger. The one thing
 * written here is the initial administrator password (A2), which must not reach any log (A7):
 * loggers may write to files, to a log collector or in JSON, and are configured by the site.
 */
final class OperatorConsole {

  private OperatorConsole() {}

  /** Standard output of this process. */
  static PrintStream stdout() {
    return System.out;
  }

  /**
   * Prints a secret between two texts and flushes at once, so it is not held in a buffer; the
   * secret is printed as characters, without a String copy that could not be wiped.
   */
  static void print(PrintStream console, String before, char[] secret, String after) {
    console.print(before);
    console.print(secret);
    console.print(after);
    console.flush();
  }
}
