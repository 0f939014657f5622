package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Doctor check D5 over a real engine: PASS while the clean-up job is scheduled and keeps up, WARN
 * when more history is overdue than ten batches, FAIL when the job is gone or has not run for days.
 */
class D5HistoryRetentionCheckIT {

  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
        <process id="quick" isExecutable="true">
          <startEvent id="s"/>
          <sequenceFlow id="f" sourceRef="s" targetRef="e"/>
          <endEvent id="e"/>
        </process>
      </definitions>
      """;

  @Test
  void d5_doctorWarnsWhenTheCleanupFallsBehindAndFailsWithoutItsJob() throws Exception {
    String url = "jdbc:h2:mem:d5check;MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(url, "sa", Secret.of("sa-password-d5"))
            .jobExecutor(JobExecutorActivation.OFF)
            .historyRetention(new HistoryRetentionSettings(Duration.ZERO, Duration.ofHours(1), 1))
            .build()) {
      Principal doctor = engine.trustedApplication("doctor");
      D5HistoryRetentionCheck check =
          new D5HistoryRetentionCheck(engine.historyService(), doctor, 1, Clock.systemUTC());
      Finding fresh = check.run();
      assertThat(fresh.status()).isEqualTo(CheckStatus.PASS);
      assertThat(fresh.message()).contains("removed after 0 days", "0 ended instances");

      engine
          .repositoryService()
          .deploy(
              doctor,
              DeploymentRequest.of("quick", "quick.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
      for (int i = 0; i < 11; i++) {
        engine.runtimeService().startProcessInstance(doctor, StartInstanceRequest.byKey("quick"));
      }
      Finding behind = check.run();
      assertThat(behind.status()).isEqualTo(CheckStatus.WARN);
      assertThat(behind.message()).contains("falls behind", "11 ended instances");

      Clock inThreeDays = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
      Finding stalled =
          new D5HistoryRetentionCheck(engine.historyService(), doctor, 1, inThreeDays).run();
      assertThat(stalled.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(stalled.message()).contains("has not run");

      try (Connection connection = DriverManager.getConnection(url, "sa", "sa-password-d5");
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM bw_job WHERE job_type = 'history-cleanup'");
      }
      Finding gone = check.run();
      assertThat(gone.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(gone.message()).contains("no history clean-up job");
    }
  }
}
