package io.bulwark.bench.api;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * W1, W2 and W4 written once against {@link BenchEngine}; W3 is in {@link TaskQueryWorkload}. Each
 * runs its untimed warm-up first, then the timed part, single client unless it says otherwise.
 */
final class Workloads {

  private static final int PAGE = 500;

  /**
   * The timed starts run at least this long (and at least the plan's count): a fast engine would
   * otherwise be timed over a tenth of a second, where one garbage collection decides the rate.
   */
  private static final long MIN_TIMED_NANOS = 2_000_000_000L;

  /** The warm-up starts this many instances, then completes their tasks, and again. */
  private static final int WARMUP_BATCH = 250;

  private Workloads() {}

  /** Starts the {@code n}th instance of a workload, in its own transaction. */
  @FunctionalInterface
  private interface Starter {
    void start(int n);
  }

  /** W1: start N instances, one transaction each, then complete every task. */
  static void userTask(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    BenchProcess process = BenchProcess.USER_TASK;
    flow(engine, process, args, samples, n -> engine.start(process));
  }

  /** W1S: W1 with one sensitive string variable per instance. */
  static void userTaskSensitive(
      BenchEngine engine, SensitiveVariables sensitive, ChildArgs args, Samples.Scoped samples) {
    BenchProcess process = BenchProcess.USER_TASK;
    flow(engine, process, args, samples, n -> sensitive.start(process, "order-" + n));
  }

  /**
   * W2: as W1 through an exclusive gateway, with a string, an integer and a JSON variable (W2S: the
   * same, the engine built with the string variable sensitive).
   */
  static void gateway(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    BenchProcess process = BenchProcess.GATEWAY;
    flow(engine, process, args, samples, n -> engine.start(process, gatewayVariables(n)));
  }

  private static GatewayVariables gatewayVariables(int n) {
    long amount = (n % 2 == 0) ? 500 + n : 1500 + n;
    String json = "{\"order\":" + n + ",\"lines\":[{\"sku\":\"A-" + n + "\",\"qty\":3}]}";
    return new GatewayVariables("order-" + n, amount, json);
  }

  /** The untimed warm-up, then the timed part; records how many instances the child started. */
  private static void flow(
      BenchEngine engine,
      BenchProcess process,
      ChildArgs args,
      Samples.Scoped samples,
      Starter starter) {
    engine.deploy(process);
    int warmup = warmUp(engine, process, args, starter);
    WalMeter wal = new WalMeter(args.database());
    int timed =
        startAndComplete(engine, process, starter, args.instances(), MIN_TIMED_NANOS, wal, samples);
    samples.add("instances", warmup + timed);
  }

  /**
   * Starts {@value #WARMUP_BATCH} instances and completes their tasks, again and again, until at
   * least {@code flowWarmup} instances and {@code flowWarmupSeconds} of this work: every engine's
   * start and completion code runs for the same time at least before it is timed, whatever its
   * speed (the JIT compilers need time more than a count, and a fast engine reaches a count
   * sooner). Returns how many instances it started.
   */
  private static int warmUp(
      BenchEngine engine, BenchProcess process, ChildArgs args, Starter starter) {
    long nanos = args.flowWarmupSeconds() * 1_000_000_000L;
    long begin = System.nanoTime();
    int count = 0;
    while (count < args.flowWarmup() || System.nanoTime() - begin < nanos) {
      int batch =
          count < args.flowWarmup()
              ? Math.min(WARMUP_BATCH, args.flowWarmup() - count)
              : WARMUP_BATCH;
      count +=
          startAndComplete(
              engine, process, starter, batch, 0, WalMeter.off(), Samples.Scoped.discard());
    }
    return count;
  }

  /**
   * Starts at least {@code atLeast} instances for at least {@code minNanos}, then completes all;
   * returns how many it started. On PostgreSQL, {@code wal} reads the log around the starts; {@code
   * jit_ms_per_s} is the JIT compilers' time during the starts, per second of them: near zero once
   * the warm-up has done its work.
   */
  private static int startAndComplete(
      BenchEngine engine,
      BenchProcess process,
      Starter starter,
      int atLeast,
      long minNanos,
      WalMeter wal,
      Samples.Scoped samples) {
    if (atLeast == 0) {
      return 0;
    }
    WalMeter.Reading logBefore = wal.read();
    long jitBefore = jitMillis();
    long begin = System.nanoTime();
    int count = 0;
    for (; count < atLeast || System.nanoTime() - begin < minNanos; count++) {
      starter.start(count);
    }
    long starting = System.nanoTime() - begin;
    samples.addRate("starts_per_s", count, starting);
    if (jitBefore >= 0) {
      samples.add("jit_ms_per_s", (jitMillis() - jitBefore) * 1e9 / Math.max(1, starting));
    }
    wal.addStarts(logBefore, wal.read(), count, samples);
    int completed = 0;
    long completing = 0;
    while (completed < count) {
      List<String> ids = engine.openTaskIds(PAGE);
      if (ids.isEmpty()) {
        throw new IllegalStateException("only " + completed + " of " + count + " tasks found");
      }
      long start = System.nanoTime();
      for (String id : ids) {
        engine.completeTask(id);
      }
      completing += System.nanoTime() - start;
      completed += ids.size();
    }
    if (completed != count || !engine.openTaskIds(1).isEmpty()) {
      throw new IllegalStateException(
          "completed " + completed + " of " + count + " tasks, or some are still open");
    }
    long running = engine.runningInstances(process);
    if (running != 0) {
      throw new IllegalStateException(running + " instances still running after their task");
    }
    samples.addRate("completions_per_s", completed, completing);
    return count;
  }

  /** Milliseconds the JIT compilers have spent in this JVM, or -1 where it does not tell. */
  private static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  /** W4: external tasks fetched and completed by four concurrent workers until none is left. */
  static void externalTasks(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    engine.deploy(BenchProcess.EXTERNAL_TASK);
    ExternalWorkers.run(engine, args.warmup(), Samples.Scoped.discard());
    ExternalWorkers.run(engine, args.externalTasks(), samples);
  }
}
