package io.bulwark.bench.rest;

import io.bulwark.bench.driver.BenchPostgres;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The REST workload of issue 14, from the repository root:
 *
 * <pre>
 *   bulwark-bench/rest [--quick] [--servers bulwark,camunda] [--rows starts,external,tasklist]
 *                      [--dbs h2,postgresql] [--json FILE]
 * </pre>
 *
 * For each database (H2 in memory by default; {@code postgresql}: a fresh database per server on
 * one throwaway PostgreSQL server with durable defaults, as the engine benchmark starts it) serves
 * each server in turn in its own JVM (never both at once), runs every row against it, stops it, and
 * prints the table; {@code --json} writes every row of every database to a file. Server logs go to
 * {@code bulwark-bench/target/rest-logs/}.
 */
public final class RestBenchMain {

  private RestBenchMain() {}

  /**
   * Runs the workload.
   *
   * @param args {@code --quick}, {@code --servers LIST}, {@code --rows LIST}, {@code --dbs LIST},
   *     {@code --json FILE}
   * @throws Exception when a server does not start or set-up fails
   */
  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    RestPlan plan = list.contains("--quick") ? RestPlan.QUICK : RestPlan.FULL;
    List<String> servers = option(list, "--servers", List.of("bulwark", "camunda"));
    List<String> rows = option(list, "--rows", RestRound.ROWS);
    List<String> dbs = option(list, "--dbs", List.of(RestDatabase.H2));
    for (String db : dbs) {
      if (!db.equals(RestDatabase.H2) && !db.equals(RestDatabase.POSTGRESQL)) {
        throw new IllegalArgumentException("unknown database " + db + "; h2 or postgresql");
      }
    }
    List<String> json = option(list, "--json", List.of());
    Path logs = Path.of("bulwark-bench/target/rest-logs");
    Path work = Files.createTempDirectory("bulwark-rest-bench");
    String mode = plan.equals(RestPlan.QUICK) ? "quick" : "full";
    Instant started = Instant.now();
    Map<String, List<RowResult>> byDatabase = new LinkedHashMap<>();
    for (String db : dbs) {
      System.out.printf(
          "REST workload, %s, %s, %s; load average %.2f%n", mode, db, Instant.now(), load());
      List<RowResult> results = new ArrayList<>();
      try (BenchPostgres postgres =
          db.equals(RestDatabase.POSTGRESQL) ? BenchPostgres.start() : null) {
        for (String name : servers) {
          Path dir = Files.createDirectories(work.resolve(db + "-" + name));
          RestDatabase database = database(postgres, name);
          try (RestServer server =
              launch(name, dir, logs.resolve(db + "-" + name + ".log"), database)) {
            results.addAll(
                RestRound.run(
                    server,
                    plan,
                    rows,
                    row -> {
                      System.out.println(RestTable.line(row));
                      return row;
                    }));
          }
        }
      }
      byDatabase.put(db, results);
      System.out.printf(
          "%n%s, load average at the end %.2f%n%s%n", db, load(), RestTable.markdown(results));
    }
    if (!json.isEmpty()) {
      Path file = Path.of(json.get(0));
      Files.writeString(
          file, RestReport.json(mode, started, servers, byDatabase), StandardCharsets.UTF_8);
      System.out.println("JSON written to " + file);
    }
  }

  /** H2 in memory, or a new database for this server on the run's PostgreSQL server. */
  private static RestDatabase database(@Nullable BenchPostgres postgres, String server) {
    if (postgres == null) {
      return RestDatabase.h2(server);
    }
    String name = "rest_" + server;
    postgres.dropDatabase(name);
    postgres.createDatabase(name);
    postgres.checkpoint();
    return new RestDatabase(
        RestDatabase.POSTGRESQL,
        postgres.jdbcUrl(name),
        BenchPostgres.SUPERUSER,
        postgres.password());
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static List<String> option(List<String> args, String name, List<String> otherwise) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? List.of(args.get(at + 1).split(",")) : otherwise;
  }

  static RestServer launch(String name, Path dir, Path log, RestDatabase database)
      throws Exception {
    return switch (name) {
      case "bulwark" ->
          BulwarkLauncher.start(Path.of("bulwark-cli/target/bulwark.jar"), dir, log, database);
      case "camunda" ->
          CamundaLauncher.start(Path.of("bulwark-bench/bench-camunda-rest"), dir, log, database);
      default -> throw new IllegalArgumentException("unknown server " + name);
    };
  }
}
