package io.bulwark.bench.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N concurrent clients, each sending its next request as soon as the last one answered: an untimed
 * warm-up, then the timed window. No operation starts after the window; every operation that ends
 * after its start is measured (also one begun in the warm-up, so that operations slower than the
 * window still show), and the rate is their count over the time from the window's start to the last
 * end.
 */
final class ClosedLoop {

  /** One client's operation (one or more requests); throws when an answer is wrong. */
  interface Operation {
    void run(long sequence) throws Exception;
  }

  /** Makes each client's operation, with that client's own connection. */
  interface OperationFactory {
    Operation create(int client) throws Exception;
  }

  private ClosedLoop() {}

  static RowResult run(
      String row,
      String unit,
      String server,
      String auth,
      int clients,
      Duration warmup,
      Duration timed,
      OperationFactory factory)
      throws Exception {
    List<Operation> operations = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      operations.add(factory.create(c));
    }
    AtomicLong sequence = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>("");
    long timedStart = System.nanoTime() + warmup.toNanos();
    long timedEnd = timedStart + timed.toNanos();
    long[][] latencies = new long[clients][];
    long[] lastEnd = new long[clients];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> {
                long[] mine = new long[1024];
                int count = 0;
                while (true) {
                  long start = System.nanoTime();
                  if (start >= timedEnd) {
                    break;
                  }
                  try {
                    operations.get(client).run(sequence.incrementAndGet());
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet("", String.valueOf(e.getMessage()));
                    pause();
                    continue;
                  }
                  long end = System.nanoTime();
                  if (end >= timedStart) {
                    if (count == mine.length) {
                      mine = Arrays.copyOf(mine, count * 2);
                    }
                    mine[count++] = end - start;
                    lastEnd[client] = end;
                  }
                }
                latencies[client] = Arrays.copyOf(mine, count);
              },
              "bench-client-" + c);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
    long end = Arrays.stream(lastEnd).max().orElse(timedStart);
    double seconds = Math.max(end - timedStart, 1) / 1e9;
    return RowResult.of(
        row,
        unit,
        server,
        auth,
        all.length,
        seconds,
        all,
        errors.get(),
        Objects.requireNonNullElse(firstError.get(), ""));
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
