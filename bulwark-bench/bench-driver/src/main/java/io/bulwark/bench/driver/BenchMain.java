package io.bulwark.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmark: for each database and workload, warm-up rounds then counted rounds, every
 * engine once per round in turn (interleaved, in {@link RoundOrder}), each in a fresh child JVM on
 * a fresh database. Prints progress, then the table; writes the JSON file when asked.
 */
public final class BenchMain {

  private final BenchArgs args;
  private final Results results = new Results();
  private final ChildRunner runner;
  private @Nullable BenchPostgres postgres;
  private boolean pgbenchBesideW1;
  private int databases;

  private BenchMain(BenchArgs args, Path logs) {
    this.args = args;
    this.runner = new ChildRunner(args.benchDir(), logs, args.plan().jvmFlags(), args.profiled());
  }

  public static void main(String[] argv) throws IOException {
    BenchArgs args = BenchArgs.parse(argv);
    Path logs = args.benchDir().resolve("target/bench-logs");
    Files.createDirectories(logs);
    new BenchMain(args, logs).run();
  }

  private void run() throws IOException {
    Map<String, Object> settings = new LinkedHashMap<>(args.plan().asSettings());
    settings.put("java", System.getProperty("java.version"));
    settings.put("cpus", Runtime.getRuntime().availableProcessors());
    settings.put("engine_order", "reversed in every second round (A B C D, D C B A)");
    List<String> engines = new ArrayList<>();
    for (String engine : args.engines()) {
      if (runner.available(engine)) {
        engines.add(engine);
      } else {
        System.out.println("skipping " + engine + ": bench-" + engine + " is not built");
        results.note(engine, "all", "all", "n/a (adapter not built)");
      }
    }
    List<String> dbs = new ArrayList<>(args.dbs());
    try {
      if (dbs.contains("postgresql")) {
        postgres = startPostgres(settings);
        if (postgres == null) {
          dbs.remove("postgresql");
        } else if (limitBesideW1()) {
          settings.put("pgbench_limit", "measured after each PostgreSQL W1 round");
          pgbenchBesideW1 = Pgbench.init(postgres, results);
        } else {
          System.out.println("pgbench limit ...");
          Pgbench.measure(postgres, args.plan(), results);
        }
      }
      for (String db : dbs) {
        noteBulwarkOnly(engines, db);
        if (args.plan().layout() == ChildLayout.ENGINE_PER_CHILD) {
          for (String engine : engines) {
            runOne(
                engine,
                db,
                BulwarkOnly.workloads(engine, args.workloads()),
                engine + "-" + db,
                true);
          }
        } else {
          for (String workload : args.workloads()) {
            runWorkload(engines, db, workload);
          }
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
    System.out.println();
    System.out.println(Report.table(results, args.commit(), settings));
    if (args.jsonFile().isPresent()) {
      String json = Report.json(results, args.commit(), settings);
      Files.writeString(args.jsonFile().get(), json, StandardCharsets.UTF_8);
      System.out.println("JSON written to " + args.jsonFile().get());
    }
  }

  /**
   * Whether the pgbench limit is measured once per PostgreSQL W1 round, after the engines' turns:
   * the disk's sync time changes over minutes, so a limit measured beside the W1 rounds is the one
   * their starts can be held against. Else (no W1, or the quick plan's one child per engine) it is
   * measured before everything.
   */
  private boolean limitBesideW1() {
    return args.workloads().contains("W1")
        && args.plan().layout() == ChildLayout.ROUND_PER_CHILD
        && args.plan().warmupRounds() == 0;
  }

  /** The server, or null (with a message and a note) when PostgreSQL is not installed. */
  private @Nullable BenchPostgres startPostgres(Map<String, Object> settings) throws IOException {
    if (BenchPostgres.installedBin().isEmpty()) {
      System.out.println(
          "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): skipping the"
              + " postgresql rounds; install the Debian package: apt-get install postgresql");
      results.note("all", "postgresql", "all", "skipped (PostgreSQL not installed)");
      return null;
    }
    BenchPostgres server = BenchPostgres.start();
    settings.putAll(server.settings());
    return server;
  }

  /** A note in the peers' cells of the Bulwark-only workloads asked for. */
  private void noteBulwarkOnly(List<String> engines, String db) {
    for (String workload : args.workloads()) {
      for (String engine : engines) {
        if (!BulwarkOnly.runs(engine, workload)) {
          results.note(engine, db, workload, BulwarkOnly.NOTE);
        }
      }
    }
  }

  private void runWorkload(List<String> allEngines, String db, String workload) {
    List<String> engines = BulwarkOnly.engines(allEngines, workload);
    BenchPlan plan = args.plan();
    boolean single = workload.equals("W3") || workload.equals("W4");
    int warmups = single ? 0 : plan.warmupRounds();
    int rounds = single ? 1 : plan.rounds();
    for (int round = 0; round < warmups + rounds; round++) {
      for (String engine : RoundOrder.of(engines, round)) {
        List<String> runs = List.of(workload);
        if (!runs.isEmpty()) {
          String label = String.format(Locale.ROOT, "%s-%s-%s-%d", engine, db, workload, round);
          runOne(engine, db, runs, label, round >= warmups);
        }
      }
      if (pgbenchBesideW1 && db.equals("postgresql") && workload.equals("W1")) {
        double tps = Pgbench.round(postgres(), plan, results);
        System.out.printf(
            Locale.ROOT, "pgbench-postgresql-limit-%d  1 client %.0f tps%n", round, tps);
      }
    }
  }

  /** The PostgreSQL server; the postgresql rounds run only once it has started. */
  private BenchPostgres postgres() {
    BenchPostgres server = postgres;
    if (server == null) {
      throw new IllegalStateException("the postgresql rounds need the PostgreSQL server started");
    }
    return server;
  }

  private void runOne(
      String engine, String db, List<String> workloads, String label, boolean counted) {
    if (workloads.isEmpty()) {
      return;
    }
    databases++;
    String name = "bench_" + databases;
    long begin = System.nanoTime();
    try {
      ChildRound round;
      if (db.equals("postgresql")) {
        postgres().createDatabase(name);
        postgres().checkpoint();
        round =
            new ChildRound(
                engine,
                db,
                workloads,
                postgres().jdbcUrl(name),
                BenchPostgres.SUPERUSER,
                postgres().password(),
                args.plan(),
                label);
      } else if (db.equals("h2-file")) {
        Path dataDir = h2FileDir(name);
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("bulwark");
        round = new ChildRound(engine, db, workloads, url, "sa", "", args.plan(), label);
      } else {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        round = new ChildRound(engine, db, workloads, url, "sa", "", args.plan(), label);
      }
      ChildResult result = runner.run(round);
      if (counted) {
        result
            .metrics()
            .forEach(
                (workload, metrics) ->
                    metrics.forEach(
                        (metric, values) ->
                            results.add(new ResultKey(engine, db, workload, metric), values)));
      }
      results.settings(engine, db, result.settings());
      System.out.printf(
          Locale.ROOT,
          "%-32s %5.1fs %s%n",
          label,
          (System.nanoTime() - begin) / 1e9,
          counted ? result.metrics() : "(warm-up)");
    } catch (IOException | RuntimeException e) {
      workloads.forEach(w -> results.note(engine, db, w, "failed: " + e.getMessage()));
      System.out.println(label + " FAILED: " + e.getMessage());
    } finally {
      if (db.equals("postgresql")) {
        postgres().dropDatabase(name);
      } else if (db.equals("h2-file")) {
        deleteTree(h2FileDir(name));
      }
    }
  }

  /** Where an {@code h2-file} round keeps its data: a fresh directory under target. */
  private Path h2FileDir(String name) {
    return args.benchDir().resolve("target/bench-data").resolve(name).toAbsolutePath();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      System.out.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
