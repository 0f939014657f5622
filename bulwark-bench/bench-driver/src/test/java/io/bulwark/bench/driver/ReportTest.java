package io.bulwark.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReportTest {

  private static Results sample() {
    Results results = new Results();
    results.add(
        new ResultKey("bulwark", "postgresql", "W1", "starts_per_s"),
        List.of(900.0, 1000.0, 1100.0));
    results.add(
        new ResultKey("camunda", "postgresql", "W1", "starts_per_s"), List.of(250.0, 300.0));
    results.add(new ResultKey("pgbench", "postgresql", "limit", "tps_1client"), List.of(2000.0));
    results.note("bulwark", "postgresql", "W3", "n/a (no authorization layer yet)");
    results.add(new ResultKey("camunda", "postgresql", "W3", "page_ms"), List.of(10.0, 20.0, 30.0));
    return results;
  }

  @Test
  void medianAndP90AreNearestRank() {
    List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    assertThat(Stats.median(values)).isEqualTo(5.0);
    assertThat(Stats.p90(values)).isEqualTo(9.0);
    assertThat(Stats.median(List.of())).isNaN();
  }

  @Test
  void tableShowsMediansRatiosLimitAndNotes() {
    String table = Report.table(sample(), "abc123", Map.of("plan", "quick"));

    assertThat(table)
        .contains("commit abc123")
        .contains("postgresql W1 starts_per_s")
        .contains("1000 (1100)")
        .contains("4.00")
        .contains("1 client 2000 tps")
        .contains("bulwark 50%")
        .contains("n/a*")
        .contains("n/a (no authorization layer yet)");
  }

  @Test
  void d1_sensitiveWorkloadsAreHeldAgainstThePlainOnesOfTheSameRun() {
    Results results = sample();
    results.add(
        new ResultKey("bulwark", "postgresql", "W1S", "starts_per_s"), List.of(800.0, 900.0));
    results.add(new ResultKey("bulwark", "postgresql", "W1S", "jit_ms_per_s"), List.of(3.0));

    String table = Report.table(results, "abc123", Map.of());

    assertThat(table)
        .contains("postgresql W1S starts_per_s")
        .contains(
            "with/without a sensitive variable: postgresql W1S/W1 starts_per_s 800/1000 = 0.80")
        .doesNotContain("W1S/W1 jit_ms_per_s");
  }

  @Test
  void d1_onlyBulwarkRunsTheSensitiveWorkloads() {
    List<String> engines = List.of("camunda", "bulwark", "flowable");

    assertThat(BulwarkOnly.engines(engines, "W1S")).containsExactly("bulwark");
    assertThat(BulwarkOnly.engines(engines, "W2")).isEqualTo(engines);
    assertThat(BulwarkOnly.workloads("camunda", List.of("W1", "W1S", "W2S", "W3")))
        .containsExactly("W1", "W3");
    assertThat(BulwarkOnly.workloads("bulwark", List.of("W1", "W1S"))).containsExactly("W1", "W1S");
  }

  @Test
  void walSyncTimeIsShownWithoutRatioBecauseItReadsTheDisk() {
    Results results = sample();
    results.add(new ResultKey("bulwark", "postgresql", "W1", "wal_sync_us"), List.of(250.0));
    results.add(new ResultKey("camunda", "postgresql", "W1", "wal_sync_us"), List.of(500.0));
    results.add(new ResultKey("bulwark", "postgresql", "W1", "wal_kb_per_start"), List.of(4.5));
    results.add(new ResultKey("camunda", "postgresql", "W1", "wal_kb_per_start"), List.of(9.0));
    results.add(
        new ResultKey("pgbench", "postgresql", "limit", "wal_sync_us_1client"), List.of(320.0));

    String table = Report.table(results, "abc123", Map.of());

    String syncRow = line(table, "postgresql W1 wal_sync_us");
    assertThat(syncRow).contains("250 (250)").contains("500 (500)").doesNotContain("0.50");
    assertThat(line(table, "postgresql W1 wal_kb_per_start")).contains("0.50");
    assertThat(table).contains("mean WAL sync with 1 client 320 us");
  }

  private static String line(String table, String prefix) {
    return table
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + prefix + " in\n" + table));
  }

  @Test
  void jsonHasTheIssueFormat() {
    JsonNode root =
        new ObjectMapper().readTree(Report.json(sample(), "abc123", Map.of("plan", "quick")));

    assertThat(root.get("commit").asString()).isEqualTo("abc123");
    assertThat(root.get("settings").get("plan").asString()).isEqualTo("quick");
    JsonNode first = root.get("results").get(0);
    assertThat(first.get("engine").asString()).isEqualTo("bulwark");
    assertThat(first.get("db").asString()).isEqualTo("postgresql");
    assertThat(first.get("workload").asString()).isEqualTo("W1");
    assertThat(first.get("metric").asString()).isEqualTo("starts_per_s");
    assertThat(first.get("median").asDouble()).isEqualTo(1000.0);
    assertThat(first.get("p90").asDouble()).isEqualTo(1100.0);
    assertThat(root.get("results").findValuesAsString("engine")).contains("pgbench");
  }

  @Test
  void childResultLineIsParsed() {
    ChildRunner runner =
        new ChildRunner(
            java.nio.file.Path.of("."), java.nio.file.Path.of("."), List.of(), List.of());
    ChildResult result =
        runner.parse(
            "engine noise\nBENCH-RESULT {\"engine\":\"camunda\",\"settings\":{\"history\":\"audit\"},"
                + "\"metrics\":{\"W1/starts_per_s\":[1.5,2.5],\"W2/starts_per_s\":[3.0]}}\n");

    assertThat(result.settings()).containsEntry("history", "audit");
    assertThat(result.metrics().get("W1").get("starts_per_s")).containsExactly(1.5, 2.5);
    assertThat(result.metrics().get("W2").get("starts_per_s")).containsExactly(3.0);
  }

  @Test
  void settingsThatDifferByWorkloadAreKeptApart() {
    Results results = new Results();
    results.settings(
        "camunda", "h2", Map.of("W1/authorizationEnabled", "false", "W1/history", "audit"));
    results.settings(
        "camunda", "h2", Map.of("W3/authorizationEnabled", "true", "W3/history", "audit"));

    assertThat(results.settings().get("camunda h2"))
        .containsOnly(
            Map.entry("authorizationEnabled", "false"),
            Map.entry("history", "audit"),
            Map.entry("authorizationEnabled (W3)", "true"));
  }

  @Test
  void pgbenchTpsIsParsed() {
    assertThat(
            Pgbench.tps(
                "latency average = 0.4 ms\ntps = 2581.123456 (without initial connection time)\n"))
        .isEqualTo(2581.123456);
  }
}
