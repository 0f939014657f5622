package io.bulwark.engine.variable;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Limits and JSON binding rules for variables (E4, W11). Validated when created; every default is
 * the safe value.
 *
 * @param maxNameLength longest variable name (default 255, also the column size)
 * @param namePattern what a name must match (default: a letter, {@code _} or {@code $}, then
 *     letters, digits, {@code _ $ . -})
 * @param maxValueBytes largest string, JSON or bytes value in bytes (UTF-8 for text; default 1 MiB)
 * @param maxVariablesPerScope most variables in one execution or task scope (default 1000)
 * @param maxJsonDepth deepest JSON nesting (default 32)
 * @param maxJsonNumberLength longest JSON number literal in characters (default 100)
 * @param jsonBindingAllowlist classes that JSON may be bound to, by full name, or packages by a
 *     name ending in {@code .*} (including subpackages); default empty: JSON stays a tree
 */
public record VariableSettings(
    int maxNameLength,
    Pattern namePattern,
    int maxValueBytes,
    int maxVariablesPerScope,
    int maxJsonDepth,
    int maxJsonNumberLength,
    Set<String> jsonBindingAllowlist) {

  /** The upper bound of {@code maxValueBytes} (16 MiB). */
  public static final int MAX_VALUE_BYTES_CEILING = 16 * 1024 * 1024;

  public VariableSettings {
    range("maxNameLength", maxNameLength, 1, 255);
    range("maxValueBytes", maxValueBytes, 1, MAX_VALUE_BYTES_CEILING);
    range("maxVariablesPerScope", maxVariablesPerScope, 1, 100_000);
    range("maxJsonDepth", maxJsonDepth, 1, 1000);
    range("maxJsonNumberLength", maxJsonNumberLength, 1, 1000);
    if (namePattern == null) {
      throw new IllegalArgumentException("namePattern is required");
    }
    jsonBindingAllowlist = Set.copyOf(jsonBindingAllowlist);
    for (String entry : jsonBindingAllowlist) {
      if (entry.isBlank() || entry.equals("*") || entry.equals(".*")) {
        throw new IllegalArgumentException(
            "jsonBindingAllowlist entry '" + entry + "' would allow every class (E4)");
      }
    }
  }

  public static VariableSettings defaults() {
    return new VariableSettings(
        255,
        Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.\\-]*"),
        1024 * 1024,
        1000,
        32,
        100,
        Set.of());
  }

  /** A copy with another JSON binding allowlist. */
  public VariableSettings withJsonBindingAllowlist(Set<String> allowlist) {
    return new VariableSettings(
        maxNameLength,
        namePattern,
        maxValueBytes,
        maxVariablesPerScope,
        maxJsonDepth,
        maxJsonNumberLength,
        allowlist);
  }

  /** A copy with another per-scope variable count. */
  public VariableSettings withMaxVariablesPerScope(int max) {
    return new VariableSettings(
        maxNameLength,
        namePattern,
        maxValueBytes,
        max,
        maxJsonDepth,
        maxJsonNumberLength,
        jsonBindingAllowlist);
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " is " + value + "; it must be " + min + ".." + max + " (W11)");
    }
  }
}
