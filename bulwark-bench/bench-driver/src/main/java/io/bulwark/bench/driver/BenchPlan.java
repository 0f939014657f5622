package io.bulwark.bench.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much to run. Sizes are per child JVM; {@code warmupRounds} rounds of every engine run first
 * and are thrown away, then {@code rounds} interleaved rounds (A B C A B C …) count.
 *
 * @param instances W1/W2 instances started and completed per round, at least: starts go on for at
 *     least two seconds, so that a fast engine is not timed over a single garbage collection
 * @param warmupOps untimed W3 queries and W4 tasks inside each child before the timed ones
 * @param flowWarmupOps untimed W1/W2 instances started and completed inside each child before the
 *     timed ones, at least: so that the JIT compilers reach steady state, as in a server that has
 *     run for a while (each round is a fresh JVM, so a warm-up round would not warm the code)
 * @param flowWarmupSeconds the untimed W1/W2 starts and completions go on for at least this long:
 *     compilation takes time, and an engine that is fast reaches a count of instances before its
 *     code is compiled
 * @param tasks W3 open tasks
 * @param queries W3 timed queries of each kind per round
 * @param externalTasks W4 external tasks
 * @param pgbenchSeconds duration of each pgbench run
 * @param jvmFlags the same heap flags for every child
 */
record BenchPlan(
    String name,
    ChildLayout layout,
    int warmupRounds,
    int rounds,
    int instances,
    int warmupOps,
    int flowWarmupOps,
    int flowWarmupSeconds,
    int tasks,
    int queries,
    int externalTasks,
    int pgbenchSeconds,
    List<String> jvmFlags) {

  static final List<String> JVM_FLAGS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");

  /**
   * The full run, sized to finish in about 20 minutes on 2 cores: two measured rounds of W1 and W2
   * per engine, each after at least 1,200 untimed instances and 12 s of starts and completions in
   * the same JVM (1,200 take the slowest engines about 12 s on PostgreSQL, so every engine warms
   * for about the same time; {@code jit_ms_per_s} shows the compiling left); W3 and W4 one round
   * each and scaled down from the 100,000 open tasks and 10,000 external tasks; {@code
   * --w3-tasks 100000 --w4-tasks 10000} restores those sizes (and takes longer). 40 untimed and 40
   * timed W3 queries of each kind and 6-second pgbench runs keep it under 20 minutes.
   */
  static BenchPlan full() {
    return new BenchPlan(
        "full",
        ChildLayout.ROUND_PER_CHILD,
        0,
        2,
        500,
        40,
        1_200,
        12,
        20_000,
        40,
        2_000,
        6,
        JVM_FLAGS);
  }

  BenchPlan withTasks(int w3Tasks) {
    return new BenchPlan(
        name,
        layout,
        warmupRounds,
        rounds,
        instances,
        warmupOps,
        flowWarmupOps,
        flowWarmupSeconds,
        w3Tasks,
        queries,
        externalTasks,
        pgbenchSeconds,
        jvmFlags);
  }

  BenchPlan withExternalTasks(int w4Tasks) {
    return new BenchPlan(
        name,
        layout,
        warmupRounds,
        rounds,
        instances,
        warmupOps,
        flowWarmupOps,
        flowWarmupSeconds,
        tasks,
        queries,
        w4Tasks,
        pgbenchSeconds,
        jvmFlags);
  }

  /**
   * About three minutes on 2 idle cores: one child per engine and database running every workload
   * ({@link ChildLayout#ENGINE_PER_CHILD}), no warm-up rounds, small sizes; ratios only roughly.
   */
  static BenchPlan quick() {
    return new BenchPlan(
        "quick", ChildLayout.ENGINE_PER_CHILD, 0, 1, 150, 50, 50, 0, 2_000, 20, 200, 2, JVM_FLAGS);
  }

  /** Printed with the results and written to the JSON file. */
  Map<String, Object> asSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("plan", name);
    settings.put("layout", layout.name());
    settings.put("warmup_rounds", warmupRounds);
    settings.put("rounds", rounds);
    settings.put("w1_w2_instances", instances + ", starting for at least 2 s");
    settings.put(
        "w1_w2_warmup_instances",
        flowWarmupOps
            + ", started and completed in rounds of 250 for at least "
            + flowWarmupSeconds
            + " s");
    settings.put("w3_w4_warmup_ops", warmupOps);
    settings.put("w3_open_tasks", tasks);
    settings.put("w3_queries", queries);
    settings.put("w4_external_tasks", externalTasks);
    settings.put("w4_workers", 4);
    settings.put("pgbench_seconds", pgbenchSeconds);
    settings.put("jvm_flags", String.join(" ", jvmFlags));
    return settings;
  }
}
