package io.bulwark.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.RuntimeSettings;
import io.bulwark.engine.runtime.TestEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task list of a user in three groups stays an index lookup at scale (Z2, W8; issue 13 item 3):
 * 20,000 and 100,000 open tasks, 200 groups, 2,000 users on PostgreSQL. The test records the
 * statements the real {@code findTasks} call sends (one statement: the page with its total,
 * candidate links and suspension) and the one {@code countTasks} sends (a {@code COUNT(*)} with the
 * same filter), and checks their {@code EXPLAIN ANALYZE}: no sequential scan of {@code bw_task},
 * and the database's time far below a scan's (a generous bound, as the machine is shared). Three
 * tasks in four belong to one of seven tenants (Z3): the user sees four of them (one directly,
 * three through its groups) and the tasks without tenant.
 */
class TaskQueryPlanIT {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryPlanIT.class);
  private static final int GROUPS = 200;
  private static final int USERS = 2_000;
  private static final Pattern SEQ_SCAN_OF_TASKS = Pattern.compile("Seq Scan on bw_task\\b(?!_)");
  private static final Pattern BUFFERS =
      Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");
  private static final Pattern TASK_ROWS =
      Pattern.compile(
          " on bw_task t .*?\\(actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+) loops=(\\d+)\\)");
  private static final double MAX_MS = 500;
  private static final Pattern TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

  private static final int TENANTS = 7;

  /** What u7 may see, written out: assignee or group candidate, of no tenant or one of its four. */
  private static final String VISIBLE_TO_U7 =
      "WHERE (t.assignee = 'u7' OR EXISTS (SELECT 1"
          + " FROM bw_task_identity_link l WHERE l.task_id = t.id"
          + " AND l.group_id IN ('g7', 'g8', 'g9'))) AND (t.tenant_id IS NULL"
          + " OR t.tenant_id IN ('n0', 'n1', 'n2', 'n3'))";

  /**
   * User u7 is in g7, g8 and g9; every 200th task has u7's group g7 as candidate, and so on. User
   * u<i> is a member of tenant n<(i + 3) % 7>, group g<i> of tenant n<i % 7>: u7 sees n3 directly
   * and n0, n1, n2 through its groups.
   */
  private static final Principal U7 = new Principal("u7", Set.of("g7", "g8", "g9"));

  @AutoClose private TestEngine engine;

  /** At the bench's 20,000 tasks (W3) and at 100,000 (issue 13 item 3). */
  @ParameterizedTest
  @ValueSource(ints = {20_000, 100_000})
  void z2_w8_taskPageAndCountOfAUserInThreeGroupsUseIndexes(int taskCount) throws SQLException {
    engine =
        new TestEngine(EngineDatabase.POSTGRESQL, RuntimeSettings.defaults(), new GrantChecker());
    fill(taskCount);
    RecordedStatements recorder = new RecordedStatements(engine.dataSource);
    DefaultTaskService tasks =
        new DefaultTaskService(
            new CommandExecutor(recorder.dataSource(), new GrantChecker(), Clock.systemUTC()),
            engine.runtime);

    Page<TaskView> page = tasks.findTasks(U7, TaskQuery.all().page(0, 50));
    List<RecordedStatements.Recorded> sent = recorder.take();
    long count = tasks.countTasks(U7, TaskQuery.all());
    List<RecordedStatements.Recorded> counted = recorder.take();

    // g7, g8 and g9 are candidates of 500 tasks each; u7 is assignee of 50 (i % 2000 == 7, every
    // third task): 1,500 + 50 minus the assigned ones already counted through their group, and
    // only those without tenant or of u7's four tenants (Z3).
    assertThat(page.total()).isEqualTo(expectedVisible());
    // The tenants hide some of the tasks u7 is involved in: the filter really cuts.
    assertThat(page.total())
        .isLessThan(
            single(
                "SELECT COUNT(*) FROM bw_task t WHERE t.assignee = 'u7' OR EXISTS (SELECT 1"
                    + " FROM bw_task_identity_link l WHERE l.task_id = t.id"
                    + " AND l.group_id IN ('g7', 'g8', 'g9'))"));
    assertThat(page.items()).hasSize(50);
    // The page read through the keys is the first 50 of the visible tasks by creation, then ID.
    assertThat(page.items())
        .extracting(TaskView::id)
        .containsExactlyElementsOf(expectedFirstPage());
    assertThat(count).isEqualTo(page.total());
    // Round trips per call: one statement, which also checks that u7 holds no rule about tasks
    // (issue 13: no grant read before it).
    assertThat(sent).hasSize(1);
    assertThat(counted).hasSize(1);
    List<RecordedStatements.Recorded> onTasks =
        sent.stream().filter(s -> s.sql().contains("bw_task")).toList();
    // The page, its total, its candidates and suspension in one statement (issues 13, 14).
    assertThat(onTasks).hasSize(1);
    List<RecordedStatements.Recorded> countOnTasks =
        counted.stream().filter(s -> s.sql().contains("bw_task")).toList();
    // The count: one COUNT(*), without the page's rows.
    assertThat(countOnTasks)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.sql())
                    .startsWith(
                        "SELECT (SELECT COUNT(*) FROM (SELECT DISTINCT m.id, m.created_at"));
    onTasks = new ArrayList<>(onTasks);
    onTasks.addAll(countOnTasks);
    long taskPages = single("SELECT relpages FROM pg_class WHERE relname = 'bw_task'");
    List<String> report = new ArrayList<>();
    for (RecordedStatements.Recorded statement : onTasks) {
      String plan = explain(statement);
      assertThat(SEQ_SCAN_OF_TASKS.matcher(plan).find())
          .as("sequential scan of bw_task in the plan of %s:%n%s", statement.sql(), plan)
          .isFalse();
      // Generous: the database's own time for one statement, far above an index plan's few ms
      // even on a loaded machine (the sequential scan of the owner alone took 42 ms under load).
      assertThat(time(plan))
          .as("execution time of %s:%n%s", statement.sql(), plan)
          .isLessThan(MAX_MS);
      report.add(buffers(plan) + " buffers, " + time(plan) + " ms: " + statement.sql());
    }
    // Only the page's tasks are read (issue 13): the page and the total come from the keys of the
    // tasks u7 may see (IDs, creation times and tenants in the link and task indexes), and the
    // count reads no task row at all.
    assertThat(tasksRead(explain(onTasks.get(0))))
        .as("task rows read for a page of 50:%n%s", explain(onTasks.get(0)))
        .isEqualTo(50);
    assertThat(tasksRead(explain(onTasks.get(1))))
        .as("task rows read for the count:%n%s", explain(onTasks.get(1)))
        .isZero();
    aRuleOfTheUserCountsOnTheNextCall(tasks, recorder, page);
    // Printed for the record.
    LOG.info(
        "{} tasks, task table {} pages, {} statements per page and {} per count:\n  {}",
        taskCount,
        taskPages,
        sent.size(),
        counted.size(),
        String.join("\n  ", report));
  }

  /**
   * A rule about tasks for u7 (a revoke of one task it sees): the presumption of no rules fails in
   * the statement itself, and the same call reads the rules and pages again (Z2, issue 13).
   */
  private void aRuleOfTheUserCountsOnTheNextCall(
      DefaultTaskService tasks, RecordedStatements recorder, Page<TaskView> before)
      throws SQLException {
    String first = before.items().get(0).id();
    try (Connection connection = engine.dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO bw_authorization (id, rule_type, user_id, resource_type, resource_id,"
              + " created_at, rev) VALUES ('r1', 'REVOKE', 'u7', 'TASK', '"
              + first
              + "', now(), 1)");
      sql.execute(
          "INSERT INTO bw_authorization_permission (authorization_id, permission)"
              + " VALUES ('r1', 'READ')");
    }
    Page<TaskView> page = tasks.findTasks(U7, TaskQuery.all().page(0, 50));
    // The presumed statement, the grant read, the page with the rules.
    assertThat(recorder.take()).hasSize(3);
    assertThat(page.total()).isEqualTo(before.total() - 1);
    assertThat(page.items()).extracting(TaskView::id).doesNotContain(first);
    assertThat(tasks.countTasks(U7, TaskQuery.all())).isEqualTo(page.total());
    assertThat(recorder.take()).hasSize(3);

    // A user who sees nothing: the empty page cannot tell whether the presumption holds, the count
    // statement tells.
    Page<TaskView> none = tasks.findTasks(new Principal("nobody", Set.of()), TaskQuery.all());
    assertThat(none.items()).isEmpty();
    assertThat(none.total()).isZero();
    assertThat(recorder.take()).hasSize(2);
  }

  private List<String> expectedFirstPage() throws SQLException {
    try (Connection connection = engine.dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT t.id FROM bw_task t "
                    + VISIBLE_TO_U7
                    + " ORDER BY t.created_at, t.id LIMIT 50")) {
      List<String> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    }
  }

  private long expectedVisible() throws SQLException {
    return single("SELECT COUNT(*) FROM bw_task t " + VISIBLE_TO_U7);
  }

  /**
   * Bulk set-up in SQL: users, groups, three memberships per user, tenants with one user and the
   * groups as members, open tasks with one link.
   */
  private void fill(int taskCount) throws SQLException {
    try (Connection connection = engine.dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO bw_user (id, display_name, must_change_password, disabled, created,"
              + " revision) SELECT 'u' || i, 'User ' || i, FALSE, FALSE, now(), 1"
              + " FROM generate_series(0, "
              + (USERS - 1)
              + ") i");
      sql.execute(
          "INSERT INTO bw_group (id, name, created, revision) SELECT 'g' || i, 'Group ' || i,"
              + " now(), 1 FROM generate_series(0, "
              + (GROUPS - 1)
              + ") i");
      sql.execute(
          "INSERT INTO bw_membership (user_id, group_id) SELECT 'u' || i, 'g' || ((i + k) % "
              + GROUPS
              + ") FROM generate_series(0, "
              + (USERS - 1)
              + ") i, generate_series(0, 2) k");
      sql.execute(
          "INSERT INTO bw_tenant (id, name, created, revision) SELECT 'n' || i, 'Tenant ' || i,"
              + " now(), 1 FROM generate_series(0, "
              + (TENANTS - 1)
              + ") i");
      sql.execute(
          "INSERT INTO bw_tenant_user (tenant_id, user_id) SELECT 'n' || ((i + 3) % "
              + TENANTS
              + "), 'u' || i FROM generate_series(0, "
              + (USERS - 1)
              + ") i");
      sql.execute(
          "INSERT INTO bw_tenant_group (tenant_id, group_id) SELECT 'n' || (i % "
              + TENANTS
              + "), 'g' || i FROM generate_series(0, "
              + (GROUPS - 1)
              + ") i");
      sql.execute(
          "INSERT INTO bw_task (id, execution_id, process_instance_id, process_definition_id,"
              + " process_definition_key, task_definition_key, name, assignee, priority,"
              + " created_at, tenant_id, rev) SELECT 't' || i, 'e' || i, 'p' || i, 'invoice:1',"
              + " 'invoice', 'approve', 'Approve invoice ' || i,"
              + " CASE WHEN i % 3 = 0 THEN 'u' || (i % "
              + USERS
              + ") END, 50, now() - i * INTERVAL '1 second',"
              + " CASE WHEN i % 4 <> 0 THEN 'n' || (i % "
              + TENANTS
              + ") END, 1 FROM generate_series(1, "
              + taskCount
              + ") i");
      sql.execute(
          "INSERT INTO bw_task_identity_link (id, task_id, group_id, link_type,"
              + " task_created_at, task_tenant_id) SELECT 'l' || i, t.id, 'g' || (i % "
              + GROUPS
              + "), 'candidate', t.created_at, t.tenant_id FROM generate_series(1, "
              + taskCount
              + ") i JOIN bw_task t ON t.id = 't' || i");
      sql.execute("ANALYZE");
    }
  }

  private String explain(RecordedStatements.Recorded statement) throws SQLException {
    try (Connection connection = engine.dataSource.getConnection();
        PreparedStatement explain =
            connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
      statement.bind(explain);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  /**
   * The rows the plan reads from {@code bw_task} under the list's alias {@code t} (rows times loops
   * of each node on it): the tasks looked up for the list, not the index-only lookups of the user's
   * tasks as assignee or owner.
   */
  private static long tasksRead(String plan) {
    Matcher matcher = TASK_ROWS.matcher(plan);
    long rows = 0;
    while (matcher.find()) {
      rows += Long.parseLong(matcher.group(1)) * Long.parseLong(matcher.group(2));
    }
    return rows;
  }

  /** The shared buffers of the plan's top node (which include its children's). */
  private static long buffers(String plan) {
    Matcher matcher = BUFFERS.matcher(plan);
    if (!matcher.find()) {
      return 0;
    }
    long hit = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
    long read = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
    return hit + read;
  }

  private static double time(String plan) {
    Matcher matcher = TIME.matcher(plan);
    if (!matcher.find()) {
      throw new AssertionError("no execution time in " + plan);
    }
    return Double.parseDouble(matcher.group(1));
  }

  private long single(String sql) throws SQLException {
    try (Connection connection = engine.dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
