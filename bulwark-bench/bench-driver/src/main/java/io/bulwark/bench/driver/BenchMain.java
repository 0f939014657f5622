package io.bulwark.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark: for each database and workload, warm-up rounds then counted rounds, every
 * engine once per round in turn (interleaved), each in a fresh child JVM on a fresh database.
 * Prints progress, then the table; writes the JSON file when asked.
 */
public final class BenchMain {

  private final BenchArgs args;
  private final Results results = new Results();
  private final ChildRunner runner;
  private BenchPostgres postgres;
  private int databases;

  private BenchMain(BenchArgs args, Path logs) {
    this.args = args;
    this.runner = new ChildRunner(args.benchDir(), logs, args.plan().jvmFlags());
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
    List<String> engines = new ArrayList<>();
    for (String engine : args.engines()) {
      if (runner.available(engine)) {
        engines.add(engine);
      } else {
        System.out.println("skipping " + engine + ": bench-" + engine + " is not built");
        results.note(engine, "all", "all", "n/a (adapter not built)");
      }
    }
    try {
      if (args.dbs().contains("postgresql")) {
        postgres = BenchPostgres.start();
        settings.putAll(postgres.settings());
        System.out.println("pgbench limit ...");
        Pgbench.measure(postgres, args.plan(), results);
      }
      for (String db : args.dbs()) {
        for (String workload : args.workloads()) {
          runWorkload(engines, db, workload);
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

  private void runWorkload(List<String> engines, String db, String workload) {
    BenchPlan plan = args.plan();
    boolean single = workload.equals("W3") || workload.equals("W4");
    int warmups = single ? 0 : plan.warmupRounds();
    int rounds = single ? 1 : plan.rounds();
    for (int round = 0; round < warmups + rounds; round++) {
      for (String engine : engines) {
        if (engine.equals(Report.BULWARK) && workload.equals("W3")) {
          results.note(engine, db, workload, "n/a (no authorization layer yet)");
          continue;
        }
        String label = String.format(Locale.ROOT, "%s-%s-%s-%d", engine, db, workload, round);
        runOne(engine, db, workload, label, round >= warmups);
      }
    }
  }

  private void runOne(String engine, String db, String workload, String label, boolean counted) {
    BenchPlan plan = args.plan();
    int size =
        switch (workload) {
          case "W3" -> plan.tasks();
          case "W4" -> plan.externalTasks();
          default -> plan.instances();
        };
    String name = "bench_" + (++databases);
    long begin = System.nanoTime();
    try {
      ChildRound round;
      if (db.equals("postgresql")) {
        postgres.createDatabase(name);
        round =
            new ChildRound(
                engine,
                db,
                workload,
                postgres.jdbcUrl(name),
                BenchPostgres.SUPERUSER,
                postgres.password(),
                size,
                plan.warmupOps(),
                plan.queries(),
                label);
      } else {
        round =
            new ChildRound(
                engine,
                db,
                workload,
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "sa",
                "",
                size,
                plan.warmupOps(),
                plan.queries(),
                label);
      }
      ChildResult result = runner.run(round);
      if (counted) {
        result
            .metrics()
            .forEach(
                (metric, values) ->
                    results.add(new ResultKey(engine, db, workload, metric), values));
      }
      results.settings(engine, db, result.settings());
      System.out.printf(
          Locale.ROOT,
          "%-32s %5.1fs %s%n",
          label,
          (System.nanoTime() - begin) / 1e9,
          counted ? result.metrics() : "(warm-up)");
    } catch (IOException | RuntimeException e) {
      results.note(engine, db, workload, "failed: " + e.getMessage());
      System.out.println(label + " FAILED: " + e.getMessage());
    } finally {
      if (db.equals("postgresql")) {
        postgres.dropDatabase(name);
      }
    }
  }
}
