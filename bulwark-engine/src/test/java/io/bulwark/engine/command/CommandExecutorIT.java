package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommandExecutorIT {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123Z");
  private static final Actor ALICE = Actor.user("alice", "staff");

  @AutoClose private HikariDataSource dataSource;

  private CommandExecutor executor(javax.sql.DataSource source, AuthorizationChecker checker) {
    return new CommandExecutor(source, checker, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static TestTask task(int i) {
    return new TestTask("task-" + i, "Task " + i, "alice", 50, NOW, 1);
  }

  private static TestDeployment deployment(int i) {
    return new TestDeployment("dep-" + i, "d" + i, "hash" + i, NOW);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void commandWritesAllRowsInOneCommit(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    JdbcCalls calls = new JdbcCalls();
    List<TestTask> tasks = IntStream.range(0, 3).mapToObj(CommandExecutorIT::task).toList();

    executor(calls.wrap(dataSource), new GrantEverythingTestChecker())
        .execute(ALICE, TestCommands.WriteRowsCommand.inserting(tasks));

    assertThat(calls.count("commit")).isEqualTo(1);
    assertThat(calls.count("rollback")).isZero();
    try (Connection connection = dataSource.getConnection()) {
      assertThat(TestTask.find(connection, "task-2")).contains(task(2));
      assertThat(count(connection, "bw_task")).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void readOnlyCommandReadsWithoutATransactionToCommit(EngineDatabase database)
      throws SQLException {
    dataSource = database.create();
    executor(dataSource, new GrantEverythingTestChecker())
        .execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(1))));
    JdbcCalls calls = new JdbcCalls();
    CommandExecutor executor = executor(calls.wrap(dataSource), new GrantEverythingTestChecker());

    assertThat(executor.execute(ALICE, new TestCommands.ReadOnlyCommand(task(1), false))).isTrue();

    assertThat(calls.count("commit")).isZero();
    assertThat(calls.count("rollback")).isZero();
    // The pool's connections stay in autocommit mode after it, and a writing command commits.
    executor.execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(2))));
    assertThat(calls.count("commit")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void readOnlyCommandThatRegistersAWriteFailsAndWritesNothing(EngineDatabase database)
      throws SQLException {
    dataSource = database.create();
    CommandExecutor executor = executor(dataSource, new GrantEverythingTestChecker());

    assertThatThrownBy(
            () -> executor.execute(ALICE, new TestCommands.ReadOnlyCommand(task(3), true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ReadOnlyCommand says it only reads but registered writes");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void exceptionRollsBackEagerAndPendingWrites(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    CommandExecutor executor = executor(dataSource, new GrantEverythingTestChecker());

    assertThatThrownBy(
            () -> executor.execute(ALICE, new TestCommands.FailingCommand(task(1), deployment(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom after writing");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isZero();
      assertThat(count(connection, "bw_deployment")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void failureDuringFlushLeavesNothingHalfWritten(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    CommandExecutor executor = executor(dataSource, new GrantEverythingTestChecker());
    executor.execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(7))));

    // Deployments flush fine first; the duplicate task id then fails the task batch.
    var command =
        new TestCommands.WriteRowsCommand(
            List.of(task(1), task(7)), List.of(deployment(1)), List.of(), List.of());
    assertThatThrownBy(() -> executor.execute(ALICE, command))
        .isInstanceOf(ConflictException.class)
        .hasMessageNotContaining("INSERT");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(1);
      assertThat(count(connection, "bw_deployment")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void concurrentUpdatesOfOneRowThenExactlyOneConflict(EngineDatabase database) throws Exception {
    dataSource = database.create();
    CommandExecutor executor = executor(dataSource, new GrantEverythingTestChecker());
    executor.execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(1))));
    CyclicBarrier bothRead = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<TestTask>> results = new ArrayList<>();
      for (String name : List.of("first", "second")) {
        results.add(
            threads.submit(
                () ->
                    executor.execute(
                        ALICE,
                        new TestCommands.RenameTaskCommand(
                            "task-1", name, read -> await(bothRead)))));
      }
      List<Throwable> failures = new ArrayList<>();
      int successes = 0;
      for (Future<TestTask> result : results) {
        try {
          result.get(60, TimeUnit.SECONDS);
          successes++;
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      assertThat(successes).isEqualTo(1);
      assertThat(failures).singleElement().isInstanceOf(ConflictException.class);
    } finally {
      threads.shutdownNow();
    }
    try (Connection connection = dataSource.getConnection()) {
      TestTask stored = TestTask.find(connection, "task-1").orElseThrow();
      assertThat(stored.rev()).isEqualTo(2);
      assertThat(stored.name()).isIn("first", "second");
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void staleRevisionThenConflictAndNoChange(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    CommandExecutor executor = executor(dataSource, new GrantEverythingTestChecker());
    executor.execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(1), task(2))));
    TestTask stale = new TestTask("task-2", "x", "alice", 50, NOW, 5);

    var command =
        new TestCommands.WriteRowsCommand(
            List.of(task(3)), List.of(), List.of(task(1)), List.of(stale));
    assertThatThrownBy(() -> executor.execute(ALICE, command))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("task-2");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(TestTask.find(connection, "task-1")).contains(task(1));
      assertThat(count(connection, "bw_task")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "H2_POSTGRESQL_MODE"})
  void flushUsesOneBatchPerStatementShape(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    List<TestTask> seeded = IntStream.range(0, 15).mapToObj(CommandExecutorIT::task).toList();
    executor(dataSource, new GrantEverythingTestChecker())
        .execute(ALICE, TestCommands.WriteRowsCommand.inserting(seeded));
    JdbcCalls calls = new JdbcCalls();
    var command =
        new TestCommands.WriteRowsCommand(
            IntStream.range(100, 150).mapToObj(CommandExecutorIT::task).toList(),
            IntStream.range(0, 20).mapToObj(CommandExecutorIT::deployment).toList(),
            seeded.subList(0, 10),
            seeded.subList(10, 15));

    executor(calls.wrap(dataSource), new GrantEverythingTestChecker()).execute(ALICE, command);

    assertThat(calls.count("executeBatch")).isEqualTo(4);
    assertThat(calls.count("addBatch")).isEqualTo(50 + 20 + 10 + 5);
    assertThat(calls.count("executeUpdate")).isZero();
    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(10 + 50);
      assertThat(TestTask.find(connection, "task-3").orElseThrow().rev()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void deniedCommandNeverRunsNorWrites(EngineDatabase database) throws SQLException {
    dataSource = database.create();
    JdbcCalls calls = new JdbcCalls();
    CommandExecutor executor = executor(calls.wrap(dataSource), new DenyAll());

    assertThatThrownBy(
            () ->
                executor.execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(1)))))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("user alice lacks CREATE on TASK *");
    assertThat(calls.count("addBatch")).isZero();
    assertThat(calls.count("executeUpdate")).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void z2_commandWithoutRequirementIsRefused(EngineDatabase database) {
    dataSource = database.create();
    CommandExecutor executor = executor(dataSource, new GrantEverythingTestChecker());

    assertThatThrownBy(() -> executor.execute(ALICE, new TestCommands.NoRequirementCommand()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Requirement.none");
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(e);
    }
  }

  /** A checker that denies everything, as the real one does for an actor without grants. */
  private static final class DenyAll implements AuthorizationChecker {
    @Override
    public Decision decide(
        java.sql.Connection connection, Subject subject, Requirement.PermissionCheck check) {
      return Decision.denied("no grant");
    }

    @Override
    public SqlFilter tenantFilter(
        java.sql.Connection connection, Subject subject, ListTarget.TenantOf tenant) {
      return SqlFilter.of("1 = 0");
    }

    @Override
    public SqlFilter listFilter(
        java.sql.Connection connection, Subject subject, ListTarget target, Permission permission) {
      return SqlFilter.of("1 = 0");
    }
  }
}
