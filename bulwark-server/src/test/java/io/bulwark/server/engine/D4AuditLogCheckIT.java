package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Doctor check D4 over a real engine: PASS on an intact log with its signed checkpoints, FAIL
 * naming the record after one was changed in the database, WARN when the log is too long to read.
 */
class D4AuditLogCheckIT {

  @Test
  void d4_doctorFailsWhenARecordWasChangedAndWarnsWhenCheckpointsAreUnsigned() throws Exception {
    String url = "jdbc:h2:mem:d4check;MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(url, "sa", io.bulwark.engine.api.Secret.of("sa-password-d4"))
            .build()) {
      AuditService audit = engine.auditService();
      for (int i = 0; i < AuditService.CHECKPOINT_INTERVAL; i++) {
        audit.append(new AuditEvent("node", "admin", "user_created", "u" + i, Map.of()));
      }
      D4AuditLogCheck check = new D4AuditLogCheck(audit, engine.trustedApplication("doctor"));
      Finding unsigned = check.run();
      assertThat(unsigned.status()).isEqualTo(CheckStatus.WARN);
      assertThat(unsigned.message()).contains("100 records chained", "no checkpoint is signed");
      Finding tooLong = new D4AuditLogCheck(audit, engine.trustedApplication("doctor"), 50).run();
      assertThat(tooLong.status()).isEqualTo(CheckStatus.WARN);
      assertThat(tooLong.message()).contains("100 records, more than the 50");

      try (Connection connection = DriverManager.getConnection(url, "sa", "sa-password-d4");
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("UPDATE bw_audit_record SET subject = 'x' WHERE seq = 42");
      }
      Finding changed = check.run();
      assertThat(changed.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(changed.message()).contains("record 42 was changed");
      assertThat(changed.fix()).contains("record 42");
    }
  }

  @Test
  void d4_doctorPassesOnAnEmbeddedLogWithSignedCheckpoints(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      AuditService audit = engine.auditService();
      for (int i = 0; i < AuditService.CHECKPOINT_INTERVAL; i++) {
        audit.append(new AuditEvent("node", "admin", "group_created", "g" + i, Map.of()));
      }
      Finding finding = new D4AuditLogCheck(audit, engine.trustedApplication("doctor")).run();
      assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
      assertThat(finding.message()).contains("100 records chained, 1 signed checkpoints");
    }
  }
}
