package io.bulwark.bench.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child's command line, {@code --name value} pairs written by the driver. One child runs one or
 * more workloads in order on one database (the full plan: one each; the quick plan: all of them in
 * one JVM, so that JVM start and schema creation are paid once per engine and database).
 *
 * @param instances W1/W2 instances started and completed
 * @param tasks W3 open tasks
 * @param externalTasks W4 external tasks
 * @param warmup untimed W3 queries and W4 tasks before the timed ones (JIT warm-up in the child)
 * @param flowWarmup untimed W1/W2 instances started and completed before the timed ones, at least
 * @param flowWarmupSeconds the untimed W1/W2 starts and completions go on for at least this long:
 *     the JIT compilers need time more than a count, and a fast engine reaches a count sooner
 * @param queries W3 timed queries of each kind
 */
public record ChildArgs(
    String engine,
    BenchDatabase database,
    List<Workload> workloads,
    int instances,
    int tasks,
    int externalTasks,
    int warmup,
    int flowWarmup,
    int flowWarmupSeconds,
    int queries) {

  public ChildArgs {
    workloads = List.copyOf(workloads);
  }

  /**
   * Parses {@code --engine --db --url --user --password --workloads W1,W2 --instances --tasks
   * --external-tasks --warmup --flow-warmup --flow-warmup-seconds --queries}; {@code --flow-warmup}
   * defaults to {@code --warmup}, {@code --flow-warmup-seconds} to 0.
   */
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
    List<Workload> workloads =
        Arrays.stream(required(values, "workloads").split(",")).map(Workload::valueOf).toList();
    return new ChildArgs(
        required(values, "engine"),
        database,
        workloads,
        number(values, "instances"),
        number(values, "tasks"),
        number(values, "external-tasks"),
        number(values, "warmup"),
        values.containsKey("flow-warmup")
            ? number(values, "flow-warmup")
            : number(values, "warmup"),
        number(values, "flow-warmup-seconds"),
        number(values, "queries"));
  }

  private static int number(Map<String, String> values, String name) {
    return Integer.parseInt(values.getOrDefault(name, "0"));
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}
