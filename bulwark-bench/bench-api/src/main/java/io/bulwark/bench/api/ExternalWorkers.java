package io.bulwark.bench.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** W4's four workers: fetch-and-lock 10 at a time, complete each, until the engine is done. */
final class ExternalWorkers {

  static final int WORKERS = 4;
  private static final int BATCH = 10;

  private ExternalWorkers() {}

  static void run(BenchEngine engine, int count, Samples.Scoped samples) {
    if (count == 0) {
      return;
    }
    AtomicInteger done = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      startInstances(engine, count, pool);
      long begin = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        String worker = "worker-" + w;
        futures.add(pool.submit(() -> work(engine, worker, count, done, conflicts)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      while (engine.runningInstances(BenchProcess.EXTERNAL_TASK) > 0) {
        Thread.sleep(20);
      }
      long nanos = System.nanoTime() - begin;
      if (done.get() != count || engine.fetchAndComplete("check", BATCH) != 0) {
        throw new IllegalStateException(
            "workers completed " + done.get() + " of " + count + " external tasks");
      }
      samples.addRate("completions_per_s", done.get(), nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    samples.add("fetch_conflicts", conflicts.get());
  }

  /** Untimed set-up: the instances, started by the pool's threads in parallel. */
  private static void startInstances(BenchEngine engine, int count, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> starters = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      starters.add(
          pool.submit(
              () -> {
                while (next.getAndIncrement() < count) {
                  engine.start(BenchProcess.EXTERNAL_TASK);
                }
              }));
    }
    for (Future<?> starter : starters) {
      starter.get();
    }
  }

  private static void work(
      BenchEngine engine, String worker, int count, AtomicInteger done, AtomicInteger conflicts) {
    int idle = 0;
    while (done.get() < count && idle < 50) {
      int n;
      try {
        n = engine.fetchAndComplete(worker, BATCH);
      } catch (RuntimeException e) {
        // Optimistic-locking losers retry; that is part of what W4 measures.
        conflicts.incrementAndGet();
        continue;
      }
      done.addAndGet(n);
      idle = n == 0 ? idle + 1 : 0;
    }
  }
}
