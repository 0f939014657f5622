package io.bulwark.bench.rest;

import java.time.Duration;
import java.util.Map;

/**
 * A task-list page of a user in three of six candidate groups: {@code GET
 * /task?candidateGroups=g1,g2,g3&sortBy=created&sortOrder=desc&firstResult=0&maxResults=50} and
 * {@code GET /task/count} with the same filter, one operation, by 4 concurrent clients. Half the
 * seeded tasks are the clerk's; the others, and every task of the start rows, are not.
 */
final class TaskListRow {

  static final int CLIENTS = 4;
  static final int PAGE = 50;

  private static final String FILTER = "candidateGroups=" + String.join(",", Setup.CLERK_GROUPS);

  private TaskListRow() {}

  /** Starts {@code tasks} instances of the task model, their groups g1 to g6 in turn. */
  static void seed(RestServer server, int tasks) throws InterruptedException {
    Setup.startInstances(
        server,
        Models.TASKS,
        tasks,
        n -> Map.of("group", Setup.typed("g" + (n % Setup.GROUPS + 1), "String")));
    // The clerk is in g1 to g3: instance n is theirs when n % 6 < 3.
  }

  static RowResult run(
      RestServer server,
      Setup setup,
      Credentials credentials,
      int seeded,
      Duration warmup,
      Duration timed)
      throws Exception {
    String authorization = credentials.header(server, Setup.CLERK, setup.password(Setup.CLERK));
    long expected =
        java.util.stream.IntStream.range(0, seeded)
            .filter(n -> n % Setup.GROUPS < Setup.CLERK_GROUPS.size())
            .count();
    String page =
        "/task?" + FILTER + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=" + PAGE;
    return ClosedLoop.run(
        "task-list page + count",
        "pages/s",
        server.kind().label,
        credentials.label,
        CLIENTS,
        warmup,
        timed,
        client -> {
          RestClient rest = server.client(authorization);
          return sequence -> {
            int size = rest.get(page).size();
            long count = rest.get("/task/count?" + FILTER).get("count").asLong();
            if (count != expected || size != Math.min(PAGE, expected)) {
              throw new IllegalStateException(
                  "the clerk sees " + count + " tasks (page " + size + "), not " + expected);
            }
          };
        });
  }
}
