package io.bulwark.bench.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The child's command line, {@code --name value} pairs written by the driver.
 *
 * @param size W1/W2 instances, W3 open tasks, W4 external tasks
 * @param warmup untimed operations before the timed ones (JIT warm-up inside the child)
 * @param queries W3 timed queries of each kind
 */
public record ChildArgs(
    String engine, BenchDatabase database, Workload workload, int size, int warmup, int queries) {

  /** Parses {@code --engine --db --url --user --password --workload --size --warmup --queries}. */
  public static ChildArgs parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    BenchDatabase database =
        new BenchDatabase(
            required(values, "db"),
            required(values, "url"),
            required(values, "user"),
            values.getOrDefault("password", ""));
    return new ChildArgs(
        required(values, "engine"),
        database,
        Workload.valueOf(required(values, "workload")),
        Integer.parseInt(required(values, "size")),
        Integer.parseInt(values.getOrDefault("warmup", "0")),
        Integer.parseInt(values.getOrDefault("queries", "0")));
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}
