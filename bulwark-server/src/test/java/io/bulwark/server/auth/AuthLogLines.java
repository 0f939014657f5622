package io.bulwark.server.auth;

import java.util.function.Predicate;

/** Matches JSON lines of the authentication log (A7) by their string fields. */
public final class AuthLogLines {

  private AuthLogLines() {}

  /**
   * A line holding every given field, e.g. {@code entry("event", "logout", "principal", "bob")}.
   */
  public static Predicate<String> entry(String... keysAndValues) {
    return line -> {
      for (int i = 0; i < keysAndValues.length; i += 2) {
        if (!line.contains("\"" + keysAndValues[i] + "\":\"" + keysAndValues[i + 1] + "\"")) {
          return false;
        }
      }
      return true;
    };
  }
}
