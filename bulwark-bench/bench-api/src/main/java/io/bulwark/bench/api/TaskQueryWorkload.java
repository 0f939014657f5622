package io.bulwark.bench.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W3: 200 groups, users in three groups each, open tasks spread evenly over the groups; times the
 * first page (50) and the count for one user at a time, as that user. Sizes scale with {@code
 * --size} (open tasks); users are {@code size / 50} (2,000 at the full 100,000). On PostgreSQL the
 * database's statistics are brought up to date after the set-up, as autovacuum keeps them in a
 * server that has run for a while: otherwise the planner's choice for the first queries depends on
 * whether autovacuum has analysed the new rows yet, and one engine's rounds are 6 times slower than
 * another's by luck.
 */
final class TaskQueryWorkload {

  static final int GROUPS = 200;
  static final int PAGE_SIZE = 50;

  private TaskQueryWorkload() {}

  static void run(BenchEngine engine, ChildArgs args, Samples.Scoped samples) {
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      groups.add("group" + g);
    }
    int users = Math.max(GROUPS, args.tasks() / 50);
    Map<String, List<String>> groupsByUser = new LinkedHashMap<>();
    for (int u = 0; u < users; u++) {
      groupsByUser.put("user" + u, groupsOf(u, groups));
    }
    long begin = System.nanoTime();
    engine.createIdentities(groups, groupsByUser);
    engine.createOpenTasks(args.tasks(), groups);
    samples.add("setup_s", (System.nanoTime() - begin) / 1e9);
    analyze(args.database());
    long expected = 3L * (args.tasks() / GROUPS);
    Random random = new Random(42);
    for (int i = 0; i < args.warmup() + args.queries(); i++) {
      int u = random.nextInt(users);
      String user = "user" + u;
      List<String> mine = groupsByUser.getOrDefault(user, List.of());
      long start = System.nanoTime();
      List<String> page = engine.firstPage(user, mine, PAGE_SIZE);
      long paged = System.nanoTime();
      long count = engine.count(user, mine);
      long counted = System.nanoTime();
      if (page.size() != Math.min(PAGE_SIZE, expected) || count != expected) {
        throw new IllegalStateException(
            user + " sees " + page.size() + " on the page and " + count + "; expected " + expected);
      }
      if (i >= args.warmup()) {
        samples.add("page_ms", (paged - start) / 1e6);
        samples.add("count_ms", (counted - paged) / 1e6);
      }
    }
  }

  /** {@code ANALYZE} of the whole database on PostgreSQL; nothing on H2. */
  private static void analyze(BenchDatabase database) {
    if (!database.postgresql()) {
      return;
    }
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot analyze the database: " + e.getMessage(), e);
    }
  }

  private static List<String> groupsOf(int user, List<String> groups) {
    return List.of(
        groups.get(user % GROUPS),
        groups.get((user + 67) % GROUPS),
        groups.get((user + 134) % GROUPS));
  }
}
