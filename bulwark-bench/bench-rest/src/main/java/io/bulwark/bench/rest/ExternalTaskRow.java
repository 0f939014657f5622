package io.bulwark.bench.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.camunda.bpm.client.ExternalTaskClient;

/**
 * The external-task round trip: {@code N} instances of the external model are started first
 * (untimed), then 4 official {@code camunda-external-task-client} 7.24 workers, each its own client
 * with its own worker ID, fetch and lock ({@code maxTasks} 10, long polling 5 s) and complete them.
 * The rate is tasks completed per second from the workers' start to the last completion; the
 * latencies are those of every HTTP request the workers sent (fetchAndLock and complete) that ended
 * by then (the idle long polls after the last task are left out).
 */
final class ExternalTaskRow {

  static final int WORKERS = 4;

  private ExternalTaskRow() {}

  static RowResult run(
      RestServer server, Setup setup, Credentials credentials, int tasks, Duration limit)
      throws Exception {
    Setup.startInstances(
        server, Models.EXTERNAL, tasks, n -> Map.of("amount", Setup.typed(n, "Long")));
    String authorization = credentials.header(server, Setup.WORKER, setup.password(Setup.WORKER));
    ConcurrentLinkedQueue<long[]> requests = new ConcurrentLinkedQueue<>();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>("");
    AtomicLong lastCompletion = new AtomicLong();
    long begin = System.nanoTime();
    List<ExternalTaskClient> workers = new ArrayList<>();
    try {
      for (int w = 0; w < WORKERS; w++) {
        ExternalTaskClient worker = worker(server, authorization, "bench-worker-" + w, requests);
        workers.add(worker);
        worker
            .subscribe(Models.TOPIC)
            .lockDuration(60_000)
            .handler(
                (task, service) -> {
                  try {
                    service.complete(task);
                    completed.incrementAndGet();
                    lastCompletion.accumulateAndGet(System.nanoTime(), Math::max);
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet("", String.valueOf(e.getMessage()));
                  }
                })
            .open();
      }
      long deadline = begin + limit.toNanos();
      while (completed.get() + errors.get() < tasks && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      workers.forEach(ExternalTaskClient::stop);
    }
    long end = lastCompletion.get();
    long[] latencies =
        requests.stream().filter(r -> r[0] + r[1] <= end).mapToLong(r -> r[1]).toArray();
    long missing = tasks - completed.get() - errors.get();
    if (missing > 0) {
      errors.addAndGet(missing);
      firstError.compareAndSet("", missing + " tasks not completed within " + limit);
    }
    return RowResult.of(
        "external tasks, " + WORKERS + " workers",
        "tasks/s",
        server.kind().label,
        credentials.label,
        completed.get(),
        end > begin ? (end - begin) / 1e9 : 0,
        latencies,
        errors.get(),
        Objects.requireNonNullElse(firstError.get(), ""));
  }

  /** The official client, unchanged but for its credentials, TLS trust and a latency probe. */
  private static ExternalTaskClient worker(
      RestServer server,
      String authorization,
      String workerId,
      ConcurrentLinkedQueue<long[]> requests) {
    return ExternalTaskClient.create()
        .baseUrl(server.engineRest().toString())
        .workerId(workerId)
        .maxTasks(10)
        .asyncResponseTimeout(5_000)
        .lockDuration(60_000)
        .addInterceptor(request -> request.addHeader("Authorization", authorization))
        .customizeHttpClient(
            http -> {
              http.setConnectionManager(
                  PoolingHttpClientConnectionManagerBuilder.create()
                      .setTlsSocketStrategy(new DefaultClientTlsStrategy(server.tls()))
                      .build());
              http.addExecInterceptorFirst(
                  "bench-latency",
                  (request, scope, chain) -> {
                    long start = System.nanoTime();
                    try {
                      return chain.proceed(request, scope);
                    } finally {
                      requests.add(new long[] {start, System.nanoTime() - start});
                    }
                  });
            })
        .build();
  }
}
