package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.ImportedUser;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check A3 over a real embedded H2 data directory, before and after a row is tampered. */
class A3PasswordStorageCheckIT {

  private static final String TAMPERED = "plain-old-password-123";

  @Test
  void a3_doctorFailsWhenAStoredPasswordIsNotArgon2id(@TempDir Path dataDir) throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      IdentityService identity = engine.identityService();
      identity.ensureInitialAdministrator().orElseThrow().clear();
      identity.createUser(
          new Principal(
              IdentityService.INITIAL_ADMINISTRATOR, Set.of(IdentityService.ADMINISTRATORS_GROUP)),
          new NewUser(
              "legacy",
              "Legacy user",
              Secret.of("a long enough password 1"),
              PasswordChange.NOT_REQUIRED));
    }
    Finding before = a3(dataDir);
    // A3 is partial in the baseline registry: a passing check reports what is still missing.
    assertThat(before.status()).isIn(CheckStatus.PASS, CheckStatus.NOT_IMPLEMENTED);
    assertThat(before.message()).startsWith("2 users: 2 with a current Argon2id hash");

    tamper(dataDir, "legacy", TAMPERED);

    Finding after = a3(dataDir);
    assertThat(after.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(after.message())
        .contains("1 with a plain or unknown value")
        .doesNotContain(TAMPERED, "legacy", "$argon2id$");
    assertThat(after.fix()).isNotEmpty();
  }

  @Test
  void a3_doctorWarnsAboutOutdatedArgon2idParameters(@TempDir Path dataDir) throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine.identityService().ensureInitialAdministrator().orElseThrow().clear();
    }
    tamper(
        dataDir,
        IdentityService.INITIAL_ADMINISTRATOR,
        "$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA");

    Finding finding = a3(dataDir);

    assertThat(finding.status()).isIn(CheckStatus.WARN, CheckStatus.NOT_IMPLEMENTED);
    assertThat(finding.message()).contains("1 with an older Argon2id version or other parameters");
  }

  @Test
  void a3_doctorWarnsAboutImportedSha512HashesAwaitingUpgrade(@TempDir Path dataDir)
      throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .identityService()
          .importUser(
              new Principal(
                  IdentityService.INITIAL_ADMINISTRATOR,
                  Set.of(IdentityService.ADMINISTRATORS_GROUP)),
              new ImportedUser(
                  "migrated",
                  UserProfile.ofDisplayName("Migrated from Camunda"),
                  "{SHA-512}" + "A".repeat(86) + "==",
                  "c2FsdHNhbHRzYWx0c2FsdA==",
                  PasswordChange.NOT_REQUIRED));
    }

    Finding finding = a3(dataDir);

    assertThat(finding.status()).isIn(CheckStatus.WARN, CheckStatus.NOT_IMPLEMENTED);
    assertThat(finding.message())
        .contains("1 with an imported SHA-512 hash awaiting upgrade")
        .doesNotContain("migrated", "SHA-512}");
    assertThat(finding.fix()).contains("next successful sign-in");
  }

  @Test
  void a3_doctorWarnsWhileAPluggedEncoderMakesTheHashes(@TempDir Path dataDir) throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine.identityService().ensureInitialAdministrator().orElseThrow().clear();
    }
    assertThat(a3(dataDir).message()).startsWith("1 users: 1 with a current Argon2id hash");

    Finding finding = a3(dataDir, "--bulwark.password.encoder=" + ScryptTestEncoder.SCHEME);

    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message())
        .startsWith(
            "1 users: 0 with a hash of the plugged scheme {scrypt-test-1}, 1 with an Argon2id hash");
    assertThat(finding.fix()).contains("plugged encoder", "bulwark.password.encoder=argon2id-2");
  }

  @Test
  void a3_anEncoderSchemeNotOnTheClassPathIsRefused() {
    PasswordSettings settings =
        new PasswordSettings(
            12,
            128,
            io.bulwark.engine.api.PasswordPolicySettings.CommonPasswords.REJECT,
            java.util.List.of("bulwark"),
            "bcrypt-9");
    assertThatThrownBy(settings::pluggedEncoder)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulwark.password.encoder 'bcrypt-9'")
        .hasMessageContaining(ScryptTestEncoder.SCHEME);
  }

  private static Finding a3(Path dataDir, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "--bulwark.data-dir=" + dataDir;
    System.arraycopy(options, 0, args, 1, options.length);
    DoctorReport report = LocalDoctor.run(args);
    return report.findings().stream()
        .filter(f -> f.checkId().equals("A3"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no A3 finding in " + report.findings()));
  }

  /** Writes around the engine, as an attacker or a careless import would. */
  private static void tamper(Path dataDir, String userId, String value) throws Exception {
    try (Connection c = EmbeddedDatabaseAccess.connect(dataDir);
        PreparedStatement ps =
            c.prepareStatement("UPDATE bw_user SET password_hash = ? WHERE id = ?")) {
      ps.setString(1, value);
      ps.setString(2, userId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
