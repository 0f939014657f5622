package io.bulwark.bench.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the child's single result line, {@code BENCH-RESULT {"engine":…,"settings":{…},
 * "metrics":{"name":[numbers…]}}}. Hand-written because the child classpath must stay JDK-only (the
 * driver parses it with Jackson); values are plain strings and finite numbers.
 */
public final class ResultLine {

  /** The prefix the driver looks for on the child's stdout. */
  public static final String PREFIX = "BENCH-RESULT ";

  private ResultLine() {}

  /** The line, prefix included. */
  public static String format(String engine, Map<String, String> settings, Samples samples) {
    String settingsJson =
        settings.entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    String metricsJson =
        samples.asMap().entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + numbers(e.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    return PREFIX
        + "{\"engine\":"
        + quote(engine)
        + ",\"settings\":"
        + settingsJson
        + ",\"metrics\":"
        + metricsJson
        + "}";
  }

  private static String numbers(List<Double> values) {
    return values.stream()
        .map(v -> Double.isFinite(v) ? Double.toString(v) : "0")
        .collect(Collectors.joining(",", "[", "]"));
  }

  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
