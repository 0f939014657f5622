package io.bulwark.bench.driver;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The driver's command line: {@code --bench-dir DIR --commit ID [--quick] [--json FILE] [--w3-tasks
 * N] [--w4-tasks N] [--engines a,b] [--dbs h2,postgresql] [--workloads W1,W2] [--profile ENGINE]}.
 *
 * @param profiled engines whose children record a JFR profile next to their log
 */
record BenchArgs(
    Path benchDir,
    String commit,
    BenchPlan plan,
    Optional<Path> jsonFile,
    List<String> engines,
    List<String> dbs,
    List<String> workloads,
    List<String> profiled) {

  static BenchArgs parse(String[] args) {
    Path benchDir = Path.of("bulwark-bench");
    String commit = "unknown";
    BenchPlan plan = BenchPlan.full();
    Optional<Path> json = Optional.empty();
    List<String> engines = Report.ENGINES;
    List<String> dbs = List.of("h2", "postgresql");
    List<String> workloads = List.of("W1", "W2", "W4", "W3");
    List<String> profiled = List.of();
    int w3Tasks = 0;
    int w4Tasks = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> plan = BenchPlan.quick();
        case "--bench-dir" -> benchDir = Path.of(args[++i]);
        case "--commit" -> commit = args[++i];
        case "--w3-tasks" -> w3Tasks = Integer.parseInt(args[++i]);
        case "--w4-tasks" -> w4Tasks = Integer.parseInt(args[++i]);
        case "--json" -> json = Optional.of(Path.of(args[++i]));
        case "--engines" -> engines = list(args[++i]);
        case "--dbs" -> dbs = list(args[++i]);
        case "--workloads" -> workloads = list(args[++i]);
        case "--profile" -> profiled = list(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (w3Tasks > 0) {
      plan = plan.withTasks(w3Tasks);
    }
    if (w4Tasks > 0) {
      plan = plan.withExternalTasks(w4Tasks);
    }
    return new BenchArgs(benchDir, commit, plan, json, engines, dbs, workloads, profiled);
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
