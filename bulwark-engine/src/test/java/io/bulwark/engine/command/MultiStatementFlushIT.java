package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/** A unit of work in one round trip on PostgreSQL, optimistic locking intact (issue 4). */
class MultiStatementFlushIT {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123Z");
  private static final Actor ALICE = Actor.user("alice", "staff");

  @AutoClose private HikariDataSource dataSource;

  private static CommandExecutor executor(DataSource source) {
    return new CommandExecutor(
        source, new GrantEverythingTestChecker(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static TestTask task(int i) {
    return new TestTask("task-" + i, "Task " + i, "alice", 50, NOW, 1);
  }

  private static TestDeployment deployment(int i) {
    return new TestDeployment("dep-" + i, "d" + i, "hash" + i, NOW);
  }

  private static List<TestTask> tasks(int from, int to) {
    return IntStream.range(from, to).mapToObj(MultiStatementFlushIT::task).toList();
  }

  @Test
  void multiTableFlushIsOneStatementAndStaleRevisionStillConflicts() throws SQLException {
    dataSource = EngineDatabase.POSTGRESQL.create();
    List<TestTask> seeded = tasks(0, 15);
    executor(dataSource).execute(ALICE, TestCommands.WriteRowsCommand.inserting(seeded));
    JdbcCalls calls = new JdbcCalls();
    var command =
        new TestCommands.WriteRowsCommand(
            tasks(100, 150),
            IntStream.range(0, 20).mapToObj(MultiStatementFlushIT::deployment).toList(),
            seeded.subList(0, 10),
            seeded.subList(10, 15));

    executor(calls.wrap(dataSource)).execute(ALICE, command);

    assertThat(calls.count("execute")).isEqualTo(1);
    assertThat(calls.count("executeBatch")).isZero();
    assertThat(calls.count("executeUpdate")).isZero();
    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(10 + 50);
      assertThat(count(connection, "bw_deployment")).isEqualTo(20);
      TestTask updated = TestTask.find(connection, "task-3").orElseThrow();
      assertThat(updated.rev()).isEqualTo(2);
      assertThat(updated.name()).isEqualTo("updated");
      assertThat(TestTask.find(connection, "task-120")).contains(task(120));
    }

    // A stale update among other writes of several tables: the whole unit fails, naming the row.
    TestTask stale = task(5);
    var conflicting =
        new TestCommands.WriteRowsCommand(
            tasks(200, 203), List.of(deployment(99)), List.of(task(120), stale), List.of());
    assertThatThrownBy(() -> executor(dataSource).execute(ALICE, conflicting))
        .isInstanceOf(ConflictException.class)
        .hasMessage("row task-5 of bw_task was changed or removed by another transaction");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(10 + 50);
      assertThat(count(connection, "bw_deployment")).isEqualTo(20);
      assertThat(TestTask.find(connection, "task-120")).contains(task(120));
    }
  }

  /** New rows go 100 to a multi-row INSERT; a message carries at most 100 statements. */
  @Test
  void aLargeUnitTakesOneRoundTripPerHundredStatementsAndInsertsHundredRowsPerStatement()
      throws SQLException {
    dataSource = EngineDatabase.POSTGRESQL.create();
    JdbcCalls inserting = new JdbcCalls();

    executor(inserting.wrap(dataSource))
        .execute(ALICE, TestCommands.WriteRowsCommand.inserting(tasks(0, 250)));

    assertThat(inserting.count("execute")).isEqualTo(1);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(250);
      assertThat(TestTask.find(connection, "task-0")).contains(task(0));
      assertThat(TestTask.find(connection, "task-149")).contains(task(149));
      assertThat(TestTask.find(connection, "task-249")).contains(task(249));
    }

    JdbcCalls updating = new JdbcCalls();
    executor(updating.wrap(dataSource))
        .execute(
            ALICE,
            new TestCommands.WriteRowsCommand(List.of(), List.of(), tasks(0, 250), List.of()));

    assertThat(updating.count("execute")).isEqualTo(3);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(TestTask.find(connection, "task-249").orElseThrow().rev()).isEqualTo(2);
    }
  }

  /**
   * An insert-only unit commits in its write round trip: in auto-commit mode (one implicit
   * transaction, so the driver sends no BEGIN) when nothing ran before it, else with COMMIT at the
   * end of its message; a unit with an update commits after its counts are read.
   */
  @Test
  void anInsertOnlyUnitCommitsInItsWriteRoundTripAndOtherUnitsAfterTheirCountsAreRead()
      throws SQLException {
    dataSource = EngineDatabase.POSTGRESQL.create();
    List<String> afterWrite = new ArrayList<>();
    CommandExecutor observed = executor(transactionStateAfterExecute(dataSource, afterWrite));

    observed.execute(ALICE, TestCommands.WriteRowsCommand.inserting(tasks(0, 3)));
    observed.execute(
        ALICE, new TestCommands.ReadingFirst(TestCommands.WriteRowsCommand.inserting(tasks(3, 5))));
    observed.execute(
        ALICE,
        new TestCommands.WriteRowsCommand(List.of(), List.of(), List.of(task(1)), List.of()));

    assertThat(afterWrite)
        .containsExactly(
            "autocommit IDLE", // the implicit transaction of one message
            "manual OPEN", // the read, in the transaction the driver began
            "manual IDLE", // the inserts and COMMIT, in one message
            "manual OPEN"); // the update, whose count is read before the commit
    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(5);
      assertThat(TestTask.find(connection, "task-1").orElseThrow().rev()).isEqualTo(2);
      assertThat(connection.getAutoCommit()).isTrue();
    }
  }

  /** Neither the implicit transaction nor the COMMIT at the end of a message may keep a part. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anInsertOnlyUnitWithAFailingInsertWritesNothingAndTheConnectionStaysUsable(
      boolean readsFirst) throws SQLException {
    dataSource = EngineDatabase.POSTGRESQL.create();
    CommandExecutor executor = executor(dataSource);
    executor.execute(ALICE, TestCommands.WriteRowsCommand.inserting(tasks(0, 1)));

    List<TestTask> duplicateLast = new ArrayList<>(tasks(10, 13));
    duplicateLast.add(new TestTask("task-0", "again", "bob", 50, NOW, 1));
    TestCommands.WriteRowsCommand failing =
        new TestCommands.WriteRowsCommand(
            duplicateLast, List.of(deployment(1)), List.of(), List.of());
    assertThatThrownBy(
            () ->
                executor.execute(
                    ALICE, readsFirst ? new TestCommands.ReadingFirst(failing) : failing))
        .isInstanceOf(ConflictException.class);

    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(1);
      assertThat(count(connection, "bw_deployment")).isZero();
    }
    for (int round = 0; round < 5; round++) {
      executor.execute(
          ALICE, TestCommands.WriteRowsCommand.inserting(tasks(20 + round, 21 + round)));
    }
    try (Connection connection = dataSource.getConnection()) {
      assertThat(count(connection, "bw_task")).isEqualTo(6);
    }
  }

  /**
   * Records the connection's commit mode and the driver's transaction state right after each {@code
   * execute} of a statement.
   */
  private static DataSource transactionStateAfterExecute(
      DataSource dataSource, List<String> states) {
    return (DataSource)
        Proxy.newProxyInstance(
            MultiStatementFlushIT.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, dataSource, args);
              if (result instanceof Connection connection) {
                return observedConnection(connection, states);
              }
              return result;
            });
  }

  private static Connection observedConnection(Connection connection, List<String> states) {
    return (Connection)
        Proxy.newProxyInstance(
            MultiStatementFlushIT.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(method, connection, args);
              if (result instanceof PreparedStatement statement) {
                return Proxy.newProxyInstance(
                    MultiStatementFlushIT.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    (p, m, a) -> {
                      Object value = invoke(m, statement, a);
                      if (m.getName().startsWith("execute")) {
                        TransactionState state =
                            connection.unwrap(BaseConnection.class).getTransactionState();
                        states.add(
                            (connection.getAutoCommit() ? "autocommit " : "manual ") + state);
                      }
                      return value;
                    });
              }
              return result;
            });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void bulkDeleteRemovesMatchingRowsAndAnEmptyUnitWritesNothing(EngineDatabase database)
      throws SQLException {
    dataSource = database.create();
    TestTask bobs = new TestTask("task-b", "B", "bob", 50, NOW, 1);
    executor(dataSource)
        .execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of(task(1), bobs)));
    JdbcCalls calls = new JdbcCalls();
    CommandExecutor counted = executor(calls.wrap(dataSource));

    counted.execute(ALICE, TestCommands.WriteRowsCommand.inserting(List.of()));
    assertThat(calls.count("prepareStatement")).isZero();

    counted.execute(ALICE, new DeleteAllOfCommand("bob"));
    try (Connection connection = dataSource.getConnection()) {
      assertThat(TestTask.find(connection, "task-b")).isEmpty();
      assertThat(TestTask.find(connection, "task-1")).contains(task(1));
    }
  }

  /** Removes every task of an assignee by one bulk delete. */
  private record DeleteAllOfCommand(String assignee) implements Command<Void> {
    @Override
    public io.bulwark.engine.authz.Requirement requirement() {
      return io.bulwark.engine.authz.Requirement.none("test");
    }

    @Override
    public Void execute(CommandContext context) {
      context.unitOfWork().deleteAll(TestTask.WRITER, "assignee", assignee);
      return null;
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
