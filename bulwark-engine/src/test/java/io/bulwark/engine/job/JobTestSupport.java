package io.bulwark.engine.job;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.CommandExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;

/** Test handlers, commands and waiting helpers for the job tests. */
final class JobTestSupport {

  static final Actor OPERATOR = Actor.user("operator");

  private JobTestSupport() {}

  /** A second pool on the same database, as a second node would have. */
  static HikariDataSource secondPool(HikariDataSource first) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(first.getJdbcUrl());
    config.setUsername(first.getUsername());
    config.setPassword(first.getPassword());
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  static void createRunTable(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE test_job_run (job_id VARCHAR(64) NOT NULL UNIQUE)");
    }
  }

  static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  static long countQuietly(DataSource dataSource, String sql) {
    try {
      return count(dataSource, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records each run in memory and inserts the job id into test_job_run in the job's tx. */
  static final class RecordingHandler implements JobHandler {

    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final String type;

    RecordingHandler(String type) {
      this.type = type;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public void execute(CommandContext context, JobRow job) throws SQLException {
      runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
      try (PreparedStatement insert =
          context.connection().prepareStatement("INSERT INTO test_job_run (job_id) VALUES (?)")) {
        insert.setString(1, job.id());
        insert.executeUpdate();
      }
    }
  }

  /** Always fails, with a multi-line message. */
  static final class FailingHandler implements JobHandler {

    final AtomicInteger runs = new AtomicInteger();

    @Override
    public String type() {
      return "failing";
    }

    @Override
    public void execute(CommandContext context, JobRow job) {
      runs.incrementAndGet();
      throw new IllegalStateException("service down\nline two");
    }
  }

  /** Creates jobs through the scheduler, as the execution core will. */
  static final class ScheduleCommand implements Command<List<JobRow>> {

    private final Function<CommandContext, List<JobRow>> body;

    ScheduleCommand(Function<CommandContext, List<JobRow>> body) {
      this.body = body;
    }

    static ScheduleCommand jobs(JobScheduler scheduler, String type, int count) {
      return new ScheduleCommand(
          context -> {
            List<JobRow> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
              rows.add(
                  scheduler.schedule(
                      context, new NewJob(type, "exec-" + i, "pi-1", null, "act", null, null)));
            }
            return rows;
          });
    }

    @Override
    public Requirement requirement() {
      return Requirement.none("test: schedules jobs like the execution core");
    }

    @Override
    public List<JobRow> execute(CommandContext context) {
      return body.apply(context);
    }
  }

  static List<JobRow> schedule(CommandExecutor executor, ScheduleCommand command) {
    return executor.execute(OPERATOR, command);
  }
}
