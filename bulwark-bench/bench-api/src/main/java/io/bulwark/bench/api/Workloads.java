package io.bulwark.bench.api;

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

  private Workloads() {}

  /** W1: start N instances, one transaction each, then complete every task. */
  static void userTask(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    flow(engine, BenchProcess.USER_TASK, args, samples);
  }

  /** W2: as W1 through an exclusive gateway, with a string, an integer and a JSON variable. */
  static void gateway(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    flow(engine, BenchProcess.GATEWAY, args, samples);
  }

  /** The untimed warm-up, then the timed part; records how many instances the child started. */
  private static void flow(
      BenchEngine engine, BenchProcess process, ChildArgs args, Samples.Scoped samples) {
    engine.deploy(process);
    WalMeter wal = new WalMeter(args.database());
    int warmup =
        startAndComplete(
            engine, process, args.flowWarmup(), warmupNanos(args), wal, Samples.Scoped.discard());
    int timed = startAndComplete(engine, process, args.instances(), MIN_TIMED_NANOS, wal, samples);
    samples.add("instances", warmup + timed);
  }

  private static long warmupNanos(ChildArgs args) {
    return args.flowWarmupSeconds() * 1_000_000_000L;
  }

  /**
   * Starts at least {@code atLeast} instances for at least {@code minNanos}, then completes all;
   * returns how many it started. On PostgreSQL, {@code wal} reads the log around the starts.
   */
  private static int startAndComplete(
      BenchEngine engine,
      BenchProcess process,
      int atLeast,
      long minNanos,
      WalMeter wal,
      Samples.Scoped samples) {
    if (atLeast == 0) {
      return 0;
    }
    WalMeter.Reading logBefore = wal.read();
    long begin = System.nanoTime();
    int count = 0;
    for (; count < atLeast || System.nanoTime() - begin < minNanos; count++) {
      if (process == BenchProcess.GATEWAY) {
        long amount = (count % 2 == 0) ? 500 + count : 1500 + count;
        String json =
            "{\"order\":" + count + ",\"lines\":[{\"sku\":\"A-" + count + "\",\"qty\":3}]}";
        engine.start(process, new GatewayVariables("order-" + count, amount, json));
      } else {
        engine.start(process);
      }
    }
    samples.addRate("starts_per_s", count, System.nanoTime() - begin);
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

  /** W4: external tasks fetched and completed by four concurrent workers until none is left. */
  static void externalTasks(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    engine.deploy(BenchProcess.EXTERNAL_TASK);
    ExternalWorkers.run(engine, args.warmup(), Samples.Scoped.discard());
    ExternalWorkers.run(engine, args.externalTasks(), samples);
  }
}
