package io.bulwark.bench.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST workload's harness runs a tiny round of every row against Bulwark's real server ({@code
 * bulwark-cli/target/bulwark.jar serve}, HTTPS, H2 in memory): set-up through the API, starts by 1,
 * 8 and 32 clients, the official external-task client's round trip and the task-list page, each
 * with Basic and with a bearer token, every answer checked (issue 14). It measures nothing. The
 * Camunda round is left to {@code bulwark-bench/rest}: its server's classpath is built only by that
 * script ({@code -Dbench.classpath}).
 */
class RestWorkloadIT {

  @TempDir Path work;

  @Test
  void harnessRunsATinyRoundOfEveryRowAgainstBulwark() throws Exception {
    Path jar = Path.of("../../bulwark-cli/target/bulwark.jar");
    assertThat(jar).as("the server jar, built before this module").exists();
    List<RowResult> rows;
    try (RestServer server =
        BulwarkLauncher.start(jar, work, Path.of("target/rest-logs/bulwark-it.log"))) {
      rows = RestRound.run(server, RestPlan.TINY, RestRound.ROWS, row -> row);
    }

    assertThat(rows)
        .extracting(RowResult::row, RowResult::auth)
        // Basic and bearer are measured in alternating order (RestRound.inTurn).
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("starts, 1 client", "Basic"),
            org.assertj.core.groups.Tuple.tuple("starts, 1 client", "bearer"),
            org.assertj.core.groups.Tuple.tuple("starts, 8 clients", "Basic"),
            org.assertj.core.groups.Tuple.tuple("starts, 8 clients", "bearer"),
            org.assertj.core.groups.Tuple.tuple("starts, 32 clients", "Basic"),
            org.assertj.core.groups.Tuple.tuple("starts, 32 clients", "bearer"),
            org.assertj.core.groups.Tuple.tuple("external tasks, 4 workers", "Basic"),
            org.assertj.core.groups.Tuple.tuple("external tasks, 4 workers", "bearer"),
            org.assertj.core.groups.Tuple.tuple("task-list page + count", "Basic"),
            org.assertj.core.groups.Tuple.tuple("task-list page + count", "bearer"));
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.errors()).as(row + " failed operations").isZero();
              assertThat(row.count()).as(row + " measured operations").isPositive();
              assertThat(row.p99Ms()).as(row + " p99").isGreaterThanOrEqualTo(row.medianMs());
            });
    assertThat(
            rows.stream().filter(r -> r.row().startsWith("external")).mapToLong(RowResult::count))
        .as("every seeded external task completed by the official client")
        .containsOnly((long) RestPlan.TINY.externalTasks());
    assertThat(RestTable.markdown(rows)).contains("| starts, 32 clients (req/s) |");
    assertThat(Files.readString(Path.of("target/rest-logs/bulwark-it.log"))).isNotEmpty();
  }
}
