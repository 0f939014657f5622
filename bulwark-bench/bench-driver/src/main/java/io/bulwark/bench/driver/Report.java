package io.bulwark.bench.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The table for people (median, p90 in brackets, and Bulwark/peer ratios of medians) and the JSON
 * file for machines, in the format of the benchmark issue.
 */
final class Report {

  static final String BULWARK = "bulwark";
  static final List<String> ENGINES = List.of(BULWARK, "camunda", "operaton", "flowable");
  private static final int CELL = 18;

  /** Start and memory figures: in the table from W1 only, in the JSON file from every child. */
  private static final Set<String> PER_W1 = Set.of("build_ms", "rss_peak_mb");

  /**
   * Rows without ratios: the disk's state during each engine's rounds and the JIT compilers' work
   * in them, not the engine's speed.
   */
  private static final Set<String> NO_RATIO = Set.of("wal_sync_us", "jit_ms_per_s");

  /** Printed under the table: how to read it. */
  private static final String FOOTNOTES =
      "Ratios are Bulwark/peer of medians: above 1 is better for rates (_per_s), below 1 for"
          + " times and sizes (_ms, _mb, _kb).\n"
          + "instances: W1/W2 instances a child started, warm-up included (the starts go on"
          + " for a time, so a faster engine starts more). On H2 the database lives in the"
          + " engine's heap, so heap_live_mb and rss_peak_mb there grow with them; compare"
          + " memory on PostgreSQL.\n"
          + "wal_kb_per_start: PostgreSQL log written per timed start (every engine commits"
          + " each start, so each start waits for at least one WAL sync). wal_sync_us: mean"
          + " time of one WAL sync in those seconds, a reading of the disk, not of the engine;"
          + " a start rate near the disk's limit moves with it from round to round.\n"
          + "jit_ms_per_s: milliseconds the JIT compilers worked per second of timed starts;"
          + " high means the engine's code was still being compiled while it was timed.\n"
          + "W1S, W2S (Bulwark only): W1 with one sensitive string variable per instance, W2 with"
          + " its string variable sensitive; each stored as AES-256-GCM field ciphertext. The"
          + " 'with/without' lines compare them with W1 and W2 of the same run.\n";

  private Report() {}

  static String table(Results results, String commit, Map<String, Object> settings) {
    StringBuilder out = new StringBuilder();
    out.append("Bulwark benchmark at commit ").append(commit).append('\n');
    settings.forEach((k, v) -> out.append("  ").append(k).append(" = ").append(v).append('\n'));
    results
        .settings()
        .forEach(
            (engine, values) ->
                out.append("  ").append(engine).append(": ").append(values).append('\n'));
    out.append('\n').append(pad("db/workload/metric", 36));
    for (String engine : ENGINES) {
      out.append(pad(engine, CELL));
    }
    for (String peer : ENGINES.subList(1, ENGINES.size())) {
      out.append(pad("B/" + peer, 11));
    }
    out.append('\n');
    for (ResultKey row : rows(results)) {
      out.append(pad(row.db() + " " + row.workload() + " " + row.metric(), 36));
      for (String engine : ENGINES) {
        out.append(pad(cell(results, row, engine), CELL));
      }
      for (String peer : ENGINES.subList(1, ENGINES.size())) {
        out.append(pad(ratio(results, row, peer), 11));
      }
      out.append('\n');
    }
    results
        .get(new ResultKey("pgbench", "postgresql", "limit", "tps_1client"))
        .ifPresent(
            tps -> {
              double limit = Stats.median(tps);
              out.append(
                  String.format(
                      Locale.ROOT, "%npgbench -N limit (median): 1 client %.0f tps", limit));
              results
                  .get(new ResultKey("pgbench", "postgresql", "limit", "tps_2clients"))
                  .ifPresent(
                      two ->
                          out.append(
                              String.format(
                                  Locale.ROOT, ", 2 clients %.0f tps", Stats.median(two))));
              results
                  .get(new ResultKey("pgbench", "postgresql", "limit", "wal_sync_us_1client"))
                  .ifPresent(
                      sync ->
                          out.append(
                              String.format(
                                  Locale.ROOT,
                                  "; mean WAL sync with 1 client %.0f us",
                                  Stats.median(sync))));
              out.append("\nW1 starts on postgresql as a share of the 1-client limit:");
              for (String engine : ENGINES) {
                results
                    .get(new ResultKey(engine, "postgresql", "W1", "starts_per_s"))
                    .ifPresent(
                        s ->
                            out.append(
                                String.format(
                                    Locale.ROOT,
                                    " %s %.0f%%",
                                    engine,
                                    100 * Stats.median(s) / limit)));
              }
              out.append('\n');
            });
    sensitiveCost(results, out);
    results
        .notes()
        .forEach(
            (where, note) ->
                out.append("note ").append(where).append(": ").append(note).append('\n'));
    out.append(FOOTNOTES);
    return out.toString();
  }

  /**
   * Bulwark's rates with a sensitive variable against the same workload without, from the same run:
   * W1S/W1 and W2S/W2 per database, medians.
   */
  private static void sensitiveCost(Results results, StringBuilder out) {
    for (ResultKey key : results.all().keySet()) {
      if (!key.engine().equals(BULWARK)
          || !BulwarkOnly.WORKLOADS.contains(key.workload())
          || !key.metric().endsWith("_per_s")
          || NO_RATIO.contains(key.metric())) {
        continue;
      }
      String plain = key.workload().substring(0, key.workload().length() - 1);
      double with = Stats.median(results.get(key).orElseThrow());
      results
          .get(new ResultKey(BULWARK, key.db(), plain, key.metric()))
          .ifPresent(
              without ->
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "with/without a sensitive variable: %s %s/%s %s %s/%s = %.2f%n",
                          key.db(),
                          key.workload(),
                          plain,
                          key.metric(),
                          number(with),
                          number(Stats.median(without)),
                          with / Stats.median(without))));
    }
  }

  /** The rows: every (db, workload, metric) seen for any engine but pgbench, in order. */
  private static List<ResultKey> rows(Results results) {
    Set<ResultKey> rows = new LinkedHashSet<>();
    for (ResultKey key : results.all().keySet()) {
      boolean perEngineOnly = !key.workload().equals("W1") && PER_W1.contains(key.metric());
      if (!key.engine().equals("pgbench") && !perEngineOnly) {
        rows.add(new ResultKey("", key.db(), key.workload(), key.metric()));
      }
    }
    return new ArrayList<>(rows);
  }

  private static String cell(Results results, ResultKey row, String engine) {
    ResultKey key = new ResultKey(engine, row.db(), row.workload(), row.metric());
    return results
        .get(key)
        .map(
            v ->
                String.format(
                    Locale.ROOT, "%s (%s)", number(Stats.median(v)), number(Stats.p90(v))))
        .orElseGet(() -> results.note(engine, row.db(), row.workload()).isPresent() ? "n/a*" : "-");
  }

  private static String ratio(Results results, ResultKey row, String peer) {
    var bulwark = results.get(new ResultKey(BULWARK, row.db(), row.workload(), row.metric()));
    var other = results.get(new ResultKey(peer, row.db(), row.workload(), row.metric()));
    if (NO_RATIO.contains(row.metric())
        || bulwark.isEmpty()
        || other.isEmpty()
        || Stats.median(other.get()) == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT, "%.2f", Stats.median(bulwark.get()) / Stats.median(other.get()));
  }

  private static String number(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String pad(String text, int width) {
    return String.format(Locale.ROOT, "%-" + width + "s", text);
  }

  /** {@code {"commit":…,"settings":{…},"results":[{engine,db,workload,metric,median,p90}]}}. */
  static String json(Results results, String commit, Map<String, Object> settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("commit", commit);
    Map<String, Object> allSettings = new LinkedHashMap<>(settings);
    allSettings.put("engines", results.settings());
    allSettings.put("notes", results.notes());
    root.put("settings", allSettings);
    List<Map<String, Object>> rows = new ArrayList<>();
    results
        .all()
        .forEach(
            (key, values) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("engine", key.engine());
              row.put("db", key.db());
              row.put("workload", key.workload());
              row.put("metric", key.metric());
              row.put("median", Stats.median(values));
              row.put("p90", Stats.p90(values));
              rows.add(row);
            });
    root.put("results", rows);
    return new ObjectMapper()
        .rebuild()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValueAsString(root);
  }
}
