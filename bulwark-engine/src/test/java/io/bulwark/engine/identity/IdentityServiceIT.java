package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthenticationResult;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

class IdentityServiceIT {

  private static final Principal ACTOR = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String GOOD = "correct horse battery";

  static BulwarkEngine engine(TestDatabase db) {
    return BulwarkEngine.builder()
        .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
        .build();
  }

  private static void createAlice(IdentityService identity) {
    identity.createUser(
        ACTOR, new NewUser("alice", "Alice", Secret.of(GOOD), PasswordChange.NOT_REQUIRED));
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

  @EveryDatabaseTest
  void a3_storesArgon2idPhcHash(TestDatabase db) throws SQLException {
    try (BulwarkEngine engine = engine(db)) {
      createAlice(engine.identityService());
    }
    String hash = storedHash(db, "alice");
    assertThat(hash).startsWith("{argon2id-2}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(GOOD);
    assertThat(hash.split("\\$")).hasSize(6);
  }

  @EveryDatabaseTest
  void a3_passwordStorageCountsHashesByKind(TestDatabase db) throws SQLException {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);
      for (String id : new String[] {"bob", "carol", "dave", "erin", "frank"}) {
        identity.createUser(
            ACTOR, new NewUser(id, id, Secret.of(GOOD), PasswordChange.NOT_REQUIRED));
      }
      setStoredHash(db, "bob", "$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA");
      setStoredHash(db, "carol", "plain-text-password");
      setStoredHash(db, "dave", null);
      setStoredHash(db, "erin", "{SHA-512}" + "A".repeat(86) + "==$salt");
      setStoredHash(db, "frank", storedHash(db, "alice").substring("{argon2id-2}".length()));

      assertThat(identity.passwordStorage())
          .isEqualTo(new PasswordStorage(6, 1, 2, 1, 1, 1, PasswordStorage.BUILT_IN));
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
  void authenticateTellsRightFromWrongWithoutNamingUnknownUsers(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);

      AuthenticationResult ok = identity.authenticate("alice", Secret.of(GOOD));
      assertThat(ok.outcome()).isEqualTo(AuthenticationOutcome.SUCCESS);
      assertThat(ok.principal()).contains(new Principal("alice", Set.of()));
      assertThat(identity.authenticate("alice", Secret.of("wrong password!!")).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(identity.authenticate("nobody", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(identity.authenticate("bad id!", Secret.of(GOOD)).principal()).isEmpty();
    }
  }

  @EveryDatabaseTest
  void disabledIsOnlyReportedAfterACorrectPassword(TestDatabase db) throws SQLException {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);
      try (Connection c = db.connect();
          PreparedStatement ps =
              c.prepareStatement("UPDATE bw_user SET disabled = TRUE WHERE id = 'alice'")) {
        ps.executeUpdate();
      }
      assertThat(identity.authenticate("alice", Secret.of("wrong password!!")).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(identity.authenticate("alice", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.DISABLED);
    }
  }

  @EveryDatabaseTest
  void a2_initialAdministratorHasRandomOneTimePassword(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      Optional<Secret> created = identity.ensureInitialAdministrator();

      assertThat(created).isPresent();
      Secret password = created.get();
      assertThat(password.length()).isGreaterThanOrEqualTo(20);
      assertThat(password.toString()).doesNotContain(new String(password.reveal()));
      assertThat(identity.ensureInitialAdministrator()).isEmpty();
      assertThat(identity.findUser("admin"))
          .hasValueSatisfying(
              u -> {
                assertThat(u.mustChangePassword()).isTrue();
              });

      AuthenticationResult first = identity.authenticate("admin", password);
      assertThat(first.outcome()).isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
      assertThat(first.principal().orElseThrow().isMemberOf("bulwark-admins")).isTrue();

      Secret chosen = Secret.of("a much better passphrase");
      identity.changePassword("admin", password, chosen);
      assertThat(identity.authenticate("admin", chosen).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);
      assertThat(identity.authenticate("admin", password).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
    }
  }

  @EveryDatabaseTest
  void a2_initialPasswordsDifferBetweenInstallations(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      Secret first = engine.identityService().ensureInitialAdministrator().orElseThrow();
      try (BulwarkEngine other = engine(io.bulwark.testing.db.H2Databases.fresh())) {
        Secret second = other.identityService().ensureInitialAdministrator().orElseThrow();
        assertThat(first).isNotEqualTo(second);
      }
    }
  }

  @EveryDatabaseTest
  void a11_changePasswordRequiresTheCurrentPassword(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);
      assertThatThrownBy(
              () ->
                  identity.changePassword(
                      "alice", Secret.of("not the password"), Secret.of("another good one")))
          .isInstanceOf(ValidationException.class)
          .satisfies(
              e ->
                  assertThat(((ValidationException) e).rules())
                      .containsExactly("current-password"));
      assertThat(identity.authenticate("alice", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);
    }
  }

  @EveryDatabaseTest
  void a4_passwordPolicyNamesEveryBrokenRule(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);
      assertThatThrownBy(
              () -> identity.changePassword("alice", Secret.of(GOOD), Secret.of("Alice1")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("password");
                assertThat(e.rules())
                    .containsExactly(
                        "min-length",
                        "common-password",
                        "not-containing-user-id",
                        "not-containing-user-name");
                assertThat(e.getMessage()).contains("min-length").doesNotContain("Alice1");
              });
      assertThatThrownBy(() -> identity.changePassword("alice", Secret.of(GOOD), Secret.of(GOOD)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.rules()).containsExactly("differs-from-current"));
      assertThatThrownBy(
              () ->
                  identity.createUser(
                      ACTOR,
                      new NewUser(
                          "bob",
                          "Bob",
                          Secret.of("correct horse battery ".repeat(6)),
                          PasswordChange.REQUIRED)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.rules()).containsExactly("max-length"));
    }
  }

  @EveryDatabaseTest
  void z7_rejectsUserIdsOutsideThePattern(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      for (String id : new String[] {"", "-lead", "a b", "x".repeat(65), "o'brien", "ü"}) {
        assertThatThrownBy(
                () ->
                    identity.createUser(
                        ACTOR,
                        new NewUser(id, "Someone", Secret.of(GOOD), PasswordChange.REQUIRED)))
            .as("id %s", id)
            .isInstanceOfSatisfying(
                ValidationException.class,
                e -> {
                  assertThat(e.field()).isEqualTo("userId");
                  assertThat(e.rules()).containsExactly("id-pattern");
                });
      }
      assertThat(identity.findUser("a b")).isEmpty();
    }
  }

  @EveryDatabaseTest
  void duplicateUserIdIsAConflict(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);
      assertThatThrownBy(() -> createAlice(identity))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("alice");
    }
  }

  @EveryDatabaseTest
  void membershipsBecomeThePrincipalsGroups(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      createAlice(identity);
      identity.createGroup(ACTOR, "clerks", "Clerks");
      identity.addMembership(ACTOR, "alice", "clerks");
      identity.addMembership(ACTOR, "alice", "clerks");
      assertThat(identity.authenticate("alice", Secret.of(GOOD)).principal().orElseThrow().groups())
          .containsExactly("clerks");
      assertThatThrownBy(() -> identity.addMembership(ACTOR, "alice", "nope"))
          .isInstanceOf(io.bulwark.engine.api.NotFoundException.class);
    }
  }
}
