package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doctor checks A6, Z5, Z6 and Z7 over a real embedded data directory, passing and then failing.
 */
class IdentityChecksIT {

  private static final Principal ADMIN = Principal.user("admin", "bulwark-admins");

  @Test
  void a6_doctorFailsWhenEveryUserMayCreateUsersAndWarnsOnDelegation(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.authorizationService()).isNotNull();
    }
    Finding fresh = check(dataDir, "A6");
    assertThat(fresh.status()).isEqualTo(CheckStatus.PASS);

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .authorizationService()
          .createRule(ADMIN, NewAuthorizationRule.grantToGroup("helpdesk", "USER", "*", "CREATE"));
    }
    Finding delegated = check(dataDir, "A6");
    assertThat(delegated.status()).isEqualTo(CheckStatus.WARN);
    assertThat(delegated.message()).contains("(group helpdesk)");

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .authorizationService()
          .createRule(
              ADMIN, new NewAuthorizationRule("GLOBAL", null, null, "USER", "*", Set.of("ALL")));
    }
    Finding everyone = check(dataDir, "A6");
    assertThat(everyone.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(everyone.message()).contains("self-registration");
    assertThat(everyone.fix()).isNotEmpty();
  }

  @Test
  void z6_doctorFailsOnARuleThatNamesADeletedGroup(@TempDir Path dataDir) throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine.identityService().createGroup(ADMIN, "clerks", "Clerks");
      engine
          .authorizationService()
          .createRule(ADMIN, NewAuthorizationRule.grantToGroup("clerks", "TASK", "*", "READ"));
      engine.identityService().deleteGroup(ADMIN, "clerks");
    }
    Finding clean = check(dataDir, "Z6");
    assertThat(clean.status()).isEqualTo(CheckStatus.PASS);

    // Written around the engine, as a careless SQL script would.
    try (Connection c = EmbeddedDatabaseAccess.connect(dataDir);
        Statement sql = c.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO bw_authorization (id, rule_type, group_id, resource_type, resource_id,"
              + " created_at, rev) VALUES ('left-over', 'GRANT', 'clerks', 'TASK', '*',"
              + " CURRENT_TIMESTAMP, 1)");
      sql.executeUpdate(
          "INSERT INTO bw_authorization_permission (authorization_id, permission)"
              + " VALUES ('left-over', 'READ')");
    }
    Finding orphaned = check(dataDir, "Z6");
    assertThat(orphaned.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(orphaned.message()).contains("left-over");
    assertThat(orphaned.fix()).contains("delete these rules");
  }

  @Test
  void z7_doctorFailsOnAStoredIdThatBreaksThePattern(@TempDir Path dataDir) throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine.identityService().createGroup(ADMIN, "clerks", "Clerks");
    }
    assertThat(check(dataDir, "Z7").status()).isEqualTo(CheckStatus.PASS);

    try (Connection c = EmbeddedDatabaseAccess.connect(dataDir);
        Statement sql = c.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO bw_group (id, name, created, revision)"
              + " VALUES ('bad id*)(uid=*', 'Imported', CURRENT_TIMESTAMP, 1)");
    }
    Finding invalid = check(dataDir, "Z7");
    assertThat(invalid.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(invalid.message()).contains("group:bad id*)(uid=*").doesNotContain("clerks");
  }

  @Test
  void z5_doctorFailsWhenNoEnabledAdministratorIsLeft(@TempDir Path dataDir) throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.identityService().passwordStorage().users()).isZero();
    }
    Finding fresh = check(dataDir, "Z5");
    assertThat(fresh.status()).isEqualTo(CheckStatus.WARN);
    assertThat(fresh.message()).contains("no user yet");
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine.identityService().ensureInitialAdministrator().orElseThrow().clear();
    }
    assertThat(check(dataDir, "Z5").status()).isEqualTo(CheckStatus.PASS);

    // Around the engine, which refuses to disable the last administrator (409).
    try (Connection c = EmbeddedDatabaseAccess.connect(dataDir);
        Statement sql = c.createStatement()) {
      sql.executeUpdate("UPDATE bw_user SET disabled = TRUE WHERE id = 'admin'");
    }
    Finding none = check(dataDir, "Z5");
    assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(none.message())
        .contains("no enabled user is granted READ, CREATE, UPDATE and DELETE on AUTHORIZATION *");
  }

  private static Finding check(Path dataDir, String id, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "--bulwark.data-dir=" + dataDir;
    args[1] = "--logging.level.root=WARN";
    System.arraycopy(options, 0, args, 2, options.length);
    DoctorReport report = LocalDoctor.run(args);
    return report.findings().stream()
        .filter(f -> f.checkId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " finding in " + report.findings()));
  }
}
