package io.bulwark.bench.driver;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The physical limit: {@code pgbench -N} commit rate with one and with two clients. */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private Pgbench() {}

  /**
   * Creates and fills the pgbench tables; false, with a note in the results, when this installation
   * has no pgbench.
   */
  static boolean init(BenchPostgres server, Results results) {
    server.createDatabase("pgbench");
    if (server.pgbench(List.of("-i", "-q", "-s", "1")).isEmpty()) {
      results.note("pgbench", "postgresql", "limit", "unavailable (no pgbench binary)");
      return false;
    }
    return true;
  }

  /** Every round at once: for a run with no PostgreSQL W1 rounds to measure beside. */
  static void measure(BenchPostgres server, BenchPlan plan, Results results) {
    if (init(server, results)) {
      for (int round = 0; round < Math.max(1, plan.rounds()); round++) {
        round(server, plan, results);
      }
    }
  }

  /**
   * One measurement, each run after a CHECKPOINT: one client (with the mean time of its WAL syncs),
   * then two. Returns the one-client rate.
   */
  static double round(BenchPostgres server, BenchPlan plan, Results results) {
    String seconds = String.valueOf(plan.pgbenchSeconds());
    server.checkpoint();
    double[] before = server.walSyncs();
    double tps =
        add(results, "tps_1client", server.pgbench(List.of("-N", "-c1", "-j1", "-T", seconds)));
    double[] after = server.walSyncs();
    if (after[0] > before[0]) {
      results.add(
          new ResultKey("pgbench", "postgresql", "limit", "wal_sync_us_1client"),
          List.of((after[1] - before[1]) * 1000 / (after[0] - before[0])));
    }
    server.checkpoint();
    add(results, "tps_2clients", server.pgbench(List.of("-N", "-c2", "-j2", "-T", seconds)));
    return tps;
  }

  private static double add(Results results, String metric, Optional<String> output) {
    double tps = tps(output.orElse(""));
    results.add(new ResultKey("pgbench", "postgresql", "limit", metric), List.of(tps));
    return tps;
  }

  /** The tps figure of pgbench's report. */
  static double tps(String output) {
    Matcher matcher = TPS.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("no tps in pgbench output:\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }
}
