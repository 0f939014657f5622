package io.bulwark.engine.job;

import static io.bulwark.engine.job.JobTestSupport.await;
import static io.bulwark.engine.job.JobTestSupport.countQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.bpmn.model.IsoDuration;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.job.JobTestSupport.FailingHandler;
import io.bulwark.engine.job.JobTestSupport.RecordingHandler;
import io.bulwark.engine.job.JobTestSupport.ScheduleCommand;
import io.bulwark.engine.variable.SensitiveScreen;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The job executor on H2 (both modes) and PostgreSQL (O5). */
class JobExecutorIT {

  private static final JobExecutorSettings FAST =
      JobExecutorSettings.defaults()
          .withPolling(Duration.ofMillis(20), Duration.ofMillis(200))
          .withRetryDelay(Duration.ZERO);

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private HikariDataSource database(EngineDatabase database) {
    HikariDataSource dataSource = database.create();
    resources.add(dataSource);
    return dataSource;
  }

  private static CommandExecutor commands(HikariDataSource dataSource) {
    return new CommandExecutor(dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
  }

  private JobExecutor started(CommandExecutor commands, JobHandler... handlers) {
    JobExecutor executor =
        new JobExecutor(commands, JobHandlers.of(List.of(handlers)), FAST, SensitiveScreen.none());
    resources.add(executor);
    executor.start();
    return executor;
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void o5_twoExecutorsRunThousandJobsEachExactlyOnce(EngineDatabase database) throws Exception {
    HikariDataSource first = database(database);
    HikariDataSource second = JobTestSupport.secondPool(first);
    resources.add(second);
    JobTestSupport.createRunTable(first);
    CommandExecutor commands = commands(first);
    JobTestSupport.schedule(commands, ScheduleCommand.jobs(new JobScheduler(FAST), "record", 1000));
    RecordingHandler handler = new RecordingHandler("record");

    JobExecutor one = started(commands, handler);
    JobExecutor two = started(commands(second), handler);
    await(Duration.ofSeconds(120), () -> countQuietly(first, "SELECT COUNT(*) FROM bw_job") == 0);

    assertThat(one.lockOwner()).isNotEqualTo(two.lockOwner());
    assertThat(JobTestSupport.count(first, "SELECT COUNT(*) FROM test_job_run")).isEqualTo(1000);
    assertThat(handler.runs).hasSize(1000);
    assertThat(handler.runs.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
    assertThat(one.stop()).isTrue();
    assertThat(two.stop()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void failingJobUsesThreeRetriesThenRaisesIncident(EngineDatabase database) throws Exception {
    HikariDataSource dataSource = database(database);
    CommandExecutor commands = commands(dataSource);
    String jobId =
        JobTestSupport.schedule(
                commands, ScheduleCommand.jobs(new JobScheduler(FAST), "failing", 1))
            .get(0)
            .id();
    FailingHandler handler = new FailingHandler();

    started(commands, handler);
    await(
        Duration.ofSeconds(30),
        () -> countQuietly(dataSource, "SELECT COUNT(*) FROM bw_incident") == 1);
    Thread.sleep(200);

    assertThat(handler.runs).hasValue(3);
    try (Connection connection = dataSource.getConnection()) {
      JobRow job = JobRows.find(connection, jobId).orElseThrow();
      assertThat(job.retries()).isZero();
      assertThat(job.lockOwner()).isNull();
      assertThat(job.exceptionMessage())
          .isEqualTo("IllegalStateException: service down line two")
          .doesNotContain("\n", "at io.");
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT incident_type, job_id, execution_id, activity_id FROM bw_incident")) {
        var rs = select.executeQuery();
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(Incidents.FAILED_JOB);
        assertThat(rs.getString(2)).isEqualTo(jobId);
        assertThat(rs.getString(3)).isEqualTo("exec-0");
        assertThat(rs.getString(4)).isEqualTo("act");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void jobOfCrashedNodeRunsAfterItsLockExpires(EngineDatabase database) throws Exception {
    HikariDataSource dataSource = database(database);
    JobTestSupport.createRunTable(dataSource);
    CommandExecutor commands = commands(dataSource);
    List<JobRow> jobs =
        JobTestSupport.schedule(
            commands, ScheduleCommand.jobs(new JobScheduler(FAST), "record", 2));
    lock(dataSource, jobs.get(0).id(), "crashed-node", Instant.now().minusSeconds(1));
    lock(dataSource, jobs.get(1).id(), "live-node", Instant.now().plusSeconds(300));
    RecordingHandler handler = new RecordingHandler("record");

    started(commands, handler);
    await(Duration.ofSeconds(30), () -> handler.runs.containsKey(jobs.get(0).id()));
    Thread.sleep(300);

    assertThat(handler.runs).containsOnlyKeys(jobs.get(0).id());
    assertThat(JobTestSupport.count(dataSource, "SELECT COUNT(*) FROM bw_job")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void cycleTimerFiresItsRepetitionsThenStops(EngineDatabase database) throws Exception {
    HikariDataSource dataSource = database(database);
    CommandExecutor commands = commands(dataSource);
    JobScheduler scheduler = new JobScheduler(FAST);
    TimerSpec.Cycle cycle = new TimerSpec.Cycle(3, null, IsoDuration.parse("PT0.05S"));
    JobTestSupport.schedule(
        commands,
        new ScheduleCommand(
            context ->
                List.of(
                    scheduler.scheduleCycle(
                        context,
                        NewJob.timer("cycle", "exec-1", "pi-1", "timer", Instant.now(), null),
                        cycle))));
    AtomicInteger fired = new AtomicInteger();
    JobHandler handler =
        new JobHandler() {
          @Override
          public String type() {
            return "cycle";
          }

          @Override
          public void execute(io.bulwark.engine.command.CommandContext context, JobRow job) {
            fired.incrementAndGet();
          }
        };

    started(commands, handler);
    await(Duration.ofSeconds(30), () -> fired.get() == 3);
    await(
        Duration.ofSeconds(5), () -> countQuietly(dataSource, "SELECT COUNT(*) FROM bw_job") == 0);
    Thread.sleep(300);

    assertThat(fired).hasValue(3);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void stopWaitsForRunningJobAndRestoresNothingElse(EngineDatabase database) throws Exception {
    HikariDataSource dataSource = database(database);
    CommandExecutor commands = commands(dataSource);
    JobTestSupport.schedule(commands, ScheduleCommand.jobs(new JobScheduler(FAST), "slow", 1));
    AtomicInteger finished = new AtomicInteger();
    JobHandler slow =
        new JobHandler() {
          @Override
          public String type() {
            return "slow";
          }

          @Override
          public void execute(io.bulwark.engine.command.CommandContext context, JobRow job) {
            try {
              Thread.sleep(500);
              finished.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          }
        };
    JobExecutor executor = started(commands, slow);
    await(
        Duration.ofSeconds(30),
        () ->
            countQuietly(dataSource, "SELECT COUNT(*) FROM bw_job WHERE lock_owner IS NOT NULL")
                == 1);

    assertThat(executor.stop()).isTrue();
    assertThat(finished).hasValue(1);
    assertThat(JobTestSupport.count(dataSource, "SELECT COUNT(*) FROM bw_job")).isZero();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  private static void lock(HikariDataSource dataSource, String jobId, String owner, Instant until)
      throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE bw_job SET lock_owner = ?, lock_expires_at = ? WHERE id = ?")) {
      update.setString(1, owner);
      io.bulwark.engine.command.SqlValues.bind(update, 2, until);
      update.setString(3, jobId);
      update.executeUpdate();
    }
  }
}
