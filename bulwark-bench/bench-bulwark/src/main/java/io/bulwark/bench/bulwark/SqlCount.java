package io.bulwark.bench.bulwark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.bench.api.BenchProcess;
import io.bulwark.bench.api.GatewayVariables;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.JobExecutorActivation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnostic, not part of the timed run: how many statement round trips and commits Bulwark needs
 * per start and per completion of each workload, through {@link StatementCounter}. The job executor
 * is off so that its polling does not count.
 *
 * <pre>
 * java -cp 'bulwark-bench/bench-bulwark/target/classes:bulwark-bench/bench-bulwark/target/lib/*' \
 *   io.bulwark.bench.bulwark.SqlCount [JDBC-URL USER PASSWORD]
 * </pre>
 */
public final class SqlCount {

  private static final int N = 200;

  private SqlCount() {}

  public static void main(String[] args) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(args.length > 0 ? args[0] : "jdbc:h2:mem:sqlcount;DB_CLOSE_DELAY=-1");
    pool.setUsername(args.length > 1 ? args[1] : "sa");
    pool.setPassword(args.length > 2 ? args[2] : "");
    pool.setAutoCommit(false);
    StatementCounter counter = new StatementCounter();
    try (HikariDataSource dataSource = new HikariDataSource(pool);
        BulwarkEngine bulwark =
            BulwarkEngine.builder()
                .dataSource(counter.wrap(dataSource))
                .jobExecutor(JobExecutorActivation.OFF)
                .build()) {
      BulwarkBenchEngine engine = new BulwarkBenchEngine(bulwark, Map.of(), Optional.empty());
      for (BenchProcess process : BenchProcess.values()) {
        engine.deploy(process);
      }
      measure(counter, "W1 start", () -> engine.start(BenchProcess.USER_TASK));
      measure(counter, "W1 complete", completer(engine));
      measure(counter, "W2 start", () -> engine.start(BenchProcess.GATEWAY, variables()));
      measure(counter, "W2 complete", completer(engine));
      measure(counter, "W4 start", () -> engine.start(BenchProcess.EXTERNAL_TASK));
      measure(counter, "W4 fetch 1 + complete", () -> engine.fetchAndComplete("counter", 1));
      measure(counter, "task list page (500)", () -> engine.openTaskIds(500));
    }
  }

  private static GatewayVariables variables() {
    return new GatewayVariables(
        "order", 1500, "{\"order\":1,\"lines\":[{\"sku\":\"A\",\"qty\":3}]}");
  }

  /** Completes the open tasks one per call; the task list is read before counting starts. */
  private static Runnable completer(BulwarkBenchEngine engine) {
    Deque<String> ids = new ArrayDeque<>(engine.openTaskIds(N + 1));
    if (ids.size() != N + 1) {
      throw new IllegalStateException("expected " + (N + 1) + " open tasks, found " + ids.size());
    }
    return () -> engine.completeTask(ids.removeFirst());
  }

  /** Runs the operation N times after a warm-up and prints the averages per operation. */
  private static void measure(StatementCounter counter, String name, Runnable operation) {
    operation.run();
    long executions = counter.executions();
    long rows = counter.batchedRows();
    long commits = counter.commits();
    for (int i = 0; i < N; i++) {
      operation.run();
    }
    System.out.printf(
        Locale.ROOT,
        "%-24s %6.1f statements  %5.1f batched rows  %4.1f commits%n",
        name,
        (counter.executions() - executions) / (double) N,
        (counter.batchedRows() - rows) / (double) N,
        (counter.commits() - commits) / (double) N);
  }
}
