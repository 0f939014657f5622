package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.ImportedUser;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;

/** Upgrades of stored hashes at login and the import of Camunda 7 hashes (A3). */
class PasswordUpgradeIT {

  private static final Principal ACTOR = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String PASSWORD = "demo-Passwort für Köln";
  private static final String SALT = "pQ0eUCUbzEaVHhA9d3SvAw==";

  private static BulwarkEngine engine(TestDatabase db) {
    return BulwarkEngine.builder()
        .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
        .build();
  }

  /** What Camunda 7.7+ writes to ACT_ID_USER.PWD_: SHA-512 over UTF-8(password + salt). */
  private static String camundaHash(String password, String salt) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-512")
            .digest((password + salt).getBytes(StandardCharsets.UTF_8));
    return "{SHA-512}" + Base64.getEncoder().encodeToString(digest);
  }

  private static String storedHash(TestDatabase db, String userId) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT password_hash FROM bw_user WHERE id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static void setStoredHash(TestDatabase db, String userId, String hash)
      throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("UPDATE bw_user SET password_hash = ? WHERE id = ?")) {
      ps.setString(1, hash);
      ps.setString(2, userId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  @EveryDatabaseTest
  void a3_camundaSha512HashLogsInOnceAndIsStoredAsArgon2idAfter(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      identity.importUser(
          ACTOR,
          new ImportedUser(
              "kermit",
              new UserProfile("Kermit", "the Frog", null, "kermit@example.org"),
              camundaHash(PASSWORD, SALT),
              SALT,
              PasswordChange.NOT_REQUIRED));
      assertThat(storedHash(db, "kermit")).startsWith("{SHA-512}");
      assertThat(identity.passwordStorage())
          .isEqualTo(new PasswordStorage(1, 0, 0, 1, 0, 0, PasswordStorage.BUILT_IN));

      assertThat(identity.authenticate("kermit", Secret.of(PASSWORD + "x")).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(storedHash(db, "kermit")).startsWith("{SHA-512}");

      assertThat(identity.authenticate("kermit", Secret.of(PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);
      String upgraded = storedHash(db, "kermit");
      assertThat(upgraded)
          .startsWith(PasswordHasher.CURRENT_PREFIX)
          .doesNotContain(SALT, PASSWORD, "SHA-512");
      assertThat(identity.passwordStorage())
          .isEqualTo(new PasswordStorage(1, 1, 0, 0, 0, 0, PasswordStorage.BUILT_IN));

      assertThat(identity.authenticate("kermit", Secret.of(PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);
      assertThat(storedHash(db, "kermit")).isEqualTo(upgraded);
    }
  }

  @EveryDatabaseTest
  void a3_versionOneHashIsUpgradedAtLoginKeepingTheMustChangeFlag(TestDatabase db)
      throws SQLException {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      identity.createUser(
          ACTOR,
          new NewUser(
              "gonzo", "Gonzo", Secret.of("correct horse battery"), PasswordChange.REQUIRED));
      String current = storedHash(db, "gonzo");
      setStoredHash(db, "gonzo", current.substring(PasswordHasher.VERSION_2.length()));
      assertThat(identity.passwordStorage().outdated()).isEqualTo(1);

      assertThat(identity.authenticate("gonzo", Secret.of("correct horse battery")).outcome())
          .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);

      assertThat(storedHash(db, "gonzo")).startsWith(PasswordHasher.CURRENT_PREFIX);
      assertThat(identity.findUser("gonzo").orElseThrow().mustChangePassword()).isTrue();
      assertThat(identity.passwordStorage().current()).isEqualTo(1);
    }
  }

  @EveryDatabaseTest
  void a3_disabledImportedUserIsNotUpgraded(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      identity.importUser(
          ACTOR,
          new ImportedUser(
              "animal",
              UserProfile.ofDisplayName("Animal"),
              camundaHash(PASSWORD, ""),
              "",
              PasswordChange.NOT_REQUIRED));
      try (Connection c = db.connect();
          PreparedStatement ps =
              c.prepareStatement("UPDATE bw_user SET disabled = TRUE WHERE id = 'animal'")) {
        ps.executeUpdate();
      }
      assertThat(identity.authenticate("animal", Secret.of(PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.DISABLED);
      assertThat(storedHash(db, "animal")).startsWith("{SHA-512}");
    }
  }

  @EveryDatabaseTest
  void a3_importRefusesWhatIsNotACamundaSha512Hash(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      for (String hash :
          new String[] {"plain-password", "{SHA}" + "A".repeat(28), "{SHA-512}not base64"}) {
        assertThatThrownBy(
                () ->
                    identity.importUser(
                        ACTOR,
                        new ImportedUser(
                            "beaker",
                            UserProfile.ofDisplayName("Beaker"),
                            hash,
                            SALT,
                            PasswordChange.REQUIRED)))
            .isInstanceOfSatisfying(
                ValidationException.class,
                e -> {
                  assertThat(e.field()).isEqualTo("passwordHash");
                  assertThat(e.rules()).containsExactly("sha512-hash");
                  assertThat(e.getMessage()).doesNotContain(hash);
                });
      }
      assertThat(identity.findUser("beaker")).isEmpty();
    }
  }
}
