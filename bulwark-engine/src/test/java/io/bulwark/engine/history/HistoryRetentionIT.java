package io.bulwark.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.api.HistoryRetentionStatus;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.job.JobHandler;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * D5: history is removed after its retention, by the job executor's clean-up job, in batches; on H2
 * (both modes) and PostgreSQL. The job executor is off, so the test runs the clean-up job itself
 * and sees each batch.
 */
class HistoryRetentionIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));

  private HikariDataSource dataSource;
  private final List<BulwarkEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(BulwarkEngine::close);
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private BulwarkEngine engine(HistoryRetentionSettings retention) {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .historyRetention(retention)
            .build();
    engines.add(engine);
    return engine;
  }

  private BulwarkEngine start(EngineDatabase database, HistoryRetentionSettings retention) {
    dataSource = database.open();
    BulwarkEngine engine = engine(retention);
    TestGrants.allToGroup(dataSource, "accounting");
    return engine;
  }

  private static String model(String key, String timeToLive, String body) {
    String ttl = timeToLive == null ? "" : " camunda:historyTimeToLive=\"" + timeToLive + "\"";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="d_%s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%s" isExecutable="true"%s>
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, key, ttl, body);
  }

  private static final String STRAIGHT =
      """
          <bpmn:startEvent id="s"/>
          <bpmn:endEvent id="e"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e"/>
      """;

  private static final String WAITING =
      """
          <bpmn:startEvent id="s"/>
          <bpmn:userTask id="review"/>
          <bpmn:endEvent id="e"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
          <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
      """;

  private static void deploy(BulwarkEngine engine, String key, String timeToLive, String body) {
    engine
        .repositoryService()
        .deploy(
            ALICE,
            DeploymentRequest.of(
                key, key + ".bpmn", model(key, timeToLive, body).getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> startAll(BulwarkEngine engine, String key, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          engine
              .runtimeService()
              .startProcessInstance(
                  ALICE, StartInstanceRequest.byKey(key).withVariables(Map.of("amount", (long) i)))
              .id());
    }
    return ids;
  }

  private static Job cleanupJob(BulwarkEngine engine) {
    List<Job> jobs =
        engine
            .managementService()
            .listJobs(
                ALICE,
                new JobFilter(null, null, null, JobHandler.HISTORY_CLEANUP, null, null),
                0,
                10);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private long rows(String sql, List<String> instanceIds) throws SQLException {
    long total = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement(sql)) {
      for (String id : instanceIds) {
        count.setString(1, id);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d5_historyPastItsDefinitionsTimeToLiveIsRemovedInBatches(EngineDatabase database)
      throws SQLException {
    BulwarkEngine engine =
        start(
            database, new HistoryRetentionSettings(Duration.ofDays(180), Duration.ofHours(1), 100));
    deploy(engine, "shortLived", "0", STRAIGHT);
    deploy(engine, "kept", "P30D", STRAIGHT);
    List<String> shortLived = startAll(engine, "shortLived", 230);
    List<String> kept = startAll(engine, "kept", 3);
    assertThat(
            rows(
                "SELECT COUNT(*) FROM bw_hi_variable_update WHERE process_instance_id = ?",
                shortLived))
        .isEqualTo(230);

    HistoryRetentionStatus before = engine.historyService().retentionStatus(ALICE);
    assertThat(before.overdueInstances()).isEqualTo(230);
    assertThat(before.nextRun()).isPresent();
    assertThat(before.retention()).isEqualTo(Duration.ofDays(180));

    // Two full batches, each followed at once by the next run; the third finds 30 and pauses.
    for (int run = 1; run <= 3; run++) {
      Job job = cleanupJob(engine);
      assertThat(job.dueDate()).isBeforeOrEqualTo(Instant.now());
      engine.managementService().executeJob(ALICE, job.id());
      assertThat(engine.historyService().retentionStatus(ALICE).overdueInstances())
          .isEqualTo(Math.max(0, 230 - 100L * run));
    }
    Job paused = cleanupJob(engine);
    assertThat(paused.dueDate()).isAfter(Instant.now().plus(Duration.ofMinutes(55)));

    for (String id : shortLived.subList(0, 5)) {
      assertThat(engine.historyService().findProcessInstance(ALICE, id)).isEmpty();
    }
    assertThat(
            rows(
                "SELECT COUNT(*) FROM bw_hi_variable_update WHERE process_instance_id = ?",
                shortLived))
        .isZero();
    assertThat(
            rows(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?",
                shortLived))
        .isZero();
    for (String id : kept) {
      assertThat(engine.historyService().findProcessInstance(ALICE, id)).isPresent();
    }
    assertThat(
            rows(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?", kept))
        .isPositive();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d5_defaultRetentionAppliesToModelsWithoutTimeToLiveAndSparesRunningInstances(
      EngineDatabase database) {
    BulwarkEngine engine =
        start(database, new HistoryRetentionSettings(Duration.ZERO, Duration.ofMinutes(1), 50));
    deploy(engine, "plain", null, STRAIGHT);
    deploy(engine, "waiting", null, WAITING);
    List<String> ended = startAll(engine, "plain", 4);
    List<String> running = startAll(engine, "waiting", 2);

    engine.managementService().executeJob(ALICE, cleanupJob(engine).id());

    for (String id : ended) {
      assertThat(engine.historyService().findProcessInstance(ALICE, id)).isEmpty();
    }
    for (String id : running) {
      assertThat(engine.historyService().findProcessInstance(ALICE, id)).isPresent();
    }
    assertThat(
            engine
                .taskService()
                .findTasks(ALICE, TaskQuery.all().ofInstance(running.get(0)))
                .items())
        .hasSize(1);
    assertThat(engine.historyService().retentionStatus(ALICE).overdueInstances()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d5_oneCleanupJobPerDatabaseWhateverTheNodes(EngineDatabase database) {
    BulwarkEngine first = start(database, HistoryRetentionSettings.defaults());
    BulwarkEngine second = engine(HistoryRetentionSettings.defaults());
    cleanupJob(first);
    cleanupJob(second);
    // The housekeeping job is not among the jobs a plain list shows.
    assertThat(first.managementService().countJobs(ALICE, JobFilter.all())).isZero();
  }
}
