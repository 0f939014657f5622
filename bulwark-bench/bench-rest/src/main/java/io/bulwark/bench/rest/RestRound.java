package io.bulwark.bench.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every row on one running server: starts by 1, 8 and 32 clients, external tasks, task list. */
final class RestRound {

  static final List<Integer> START_CLIENTS = List.of(1, 8, 32);

  private RestRound() {}

  static final List<String> ROWS = List.of("starts", "external", "tasklist");

  static List<RowResult> run(
      RestServer server, RestPlan plan, List<String> rows, PrintStreamLog log) throws Exception {
    Setup setup = Setup.run(server);
    List<Credentials> kinds =
        server.kind() == ServerKind.BULWARK
            ? List.of(Credentials.BASIC, Credentials.BEARER)
            : List.of(Credentials.BASIC);
    List<RowResult> results = new ArrayList<>();
    warmUp(server, setup, kinds, plan);
    int measured = 0;
    for (int clients : rows.contains("starts") ? START_CLIENTS : List.<Integer>of()) {
      for (Credentials credentials : inTurn(kinds, measured++)) {
        results.add(
            log.row(
                StartRow.run(server, setup, credentials, clients, plan.warmup(), plan.timed())));
      }
    }
    Duration limit = Duration.ofMinutes(10);
    for (Credentials credentials :
        rows.contains("external") ? inTurn(kinds, measured++) : List.<Credentials>of()) {
      ExternalTaskRow.run(server, setup, credentials, Math.max(1, plan.externalTasks() / 4), limit);
      results.add(
          log.row(ExternalTaskRow.run(server, setup, credentials, plan.externalTasks(), limit)));
    }
    if (!rows.contains("tasklist")) {
      return results;
    }
    TaskListRow.seed(server, plan.taskListTasks());
    for (Credentials credentials : inTurn(kinds, measured)) {
      results.add(
          log.row(
              TaskListRow.run(
                  server, setup, credentials, plan.taskListTasks(), plan.warmup(), plan.timed())));
    }
    return results;
  }

  /**
   * Untimed, before the first row: process starts by 8 clients with every kind of credential in
   * turn, for the plan's warm-up each, so that the first measured row does not pay the JIT's
   * warm-up for the credential it happens to measure first (issue 14: Basic, measured first, lost
   * to bearer by milliseconds per request at one client).
   */
  private static void warmUp(RestServer server, Setup setup, List<Credentials> kinds, RestPlan plan)
      throws Exception {
    for (Credentials credentials : kinds) {
      StartRow.run(server, setup, credentials, 8, plan.warmup(), Duration.ZERO);
    }
  }

  /** The credentials, in the given order for even rows and reversed for odd ones. */
  static List<Credentials> inTurn(List<Credentials> kinds, int row) {
    if (row % 2 == 0) {
      return kinds;
    }
    List<Credentials> reversed = new ArrayList<>(kinds);
    Collections.reverse(reversed);
    return reversed;
  }

  /** Prints each row as it is measured, so a long run shows progress. */
  interface PrintStreamLog {
    RowResult row(RowResult result);
  }
}
