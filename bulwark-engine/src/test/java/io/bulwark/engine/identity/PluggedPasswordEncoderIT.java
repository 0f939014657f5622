package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Password;
import com.password4j.SecureString;
import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.PasswordEncoder;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plugged password encoder replaces Argon2id for new hashes and takes over old ones (A3). */
class PluggedPasswordEncoderIT {

  private static final Principal ACTOR = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String ALICE_PASSWORD = "Corvid-Lantern-58";
  private static final String BOB_PASSWORD = "Heron-Quarry-Violet-17";

  /** scrypt through password4j, as an organisation's own encoder might wrap its HSM or library. */
  static class ScryptEncoder implements PasswordEncoder {
    private final String scheme;

    ScryptEncoder(String scheme) {
      this.scheme = scheme;
    }

    @Override
    public String scheme() {
      return scheme;
    }

    @Override
    public String hash(Secret normalized) {
      char[] chars = normalized.reveal();
      try {
        return Password.hash(new SecureString(chars)).addRandomSalt().withScrypt().getResult();
      } finally {
        Arrays.fill(chars, '\0');
      }
    }

    @Override
    public boolean matches(Secret normalized, String encoded) {
      char[] chars = normalized.reveal();
      try {
        return Password.check(new SecureString(chars), encoded).withScrypt();
      } catch (RuntimeException malformed) {
        return false;
      } finally {
        Arrays.fill(chars, '\0');
      }
    }
  }

  private static BulwarkEngine engine(TestDatabase db, PasswordEncoder encoder) {
    var builder =
        BulwarkEngine.builder().jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()));
    return encoder == null ? builder.build() : builder.passwordEncoder(encoder).build();
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
  void a3_pluggedEncoderHashesNewPasswordsAndTakesOverArgon2idHashesAtSignIn(TestDatabase db)
      throws SQLException {
    try (BulwarkEngine engine = engine(db, null)) {
      engine
          .identityService()
          .createUser(
              ACTOR,
              new NewUser(
                  "alice", "Alice", Secret.of(ALICE_PASSWORD), PasswordChange.NOT_REQUIRED));
    }
    assertThat(storedHash(db, "alice")).startsWith(PasswordStorage.BUILT_IN + "$argon2id$");

    try (BulwarkEngine engine = engine(db, new ScryptEncoder("scrypt-test-1"))) {
      IdentityService identity = engine.identityService();
      assertThat(identity.passwordStorage())
          .isEqualTo(new PasswordStorage(1, 0, 1, 0, 0, 0, "{scrypt-test-1}"));

      identity.createUser(
          ACTOR, new NewUser("bob", "Bob", Secret.of(BOB_PASSWORD), PasswordChange.NOT_REQUIRED));
      assertThat(storedHash(db, "bob")).startsWith("{scrypt-test-1}$").doesNotContain(BOB_PASSWORD);
      assertThat(identity.authenticate("bob", Secret.of(BOB_PASSWORD + "x")).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(identity.authenticate("bob", Secret.of(BOB_PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);

      assertThat(identity.authenticate("alice", Secret.of(ALICE_PASSWORD + "x")).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(storedHash(db, "alice")).contains("$argon2id$");
      assertThat(identity.authenticate("alice", Secret.of(ALICE_PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);
      assertThat(storedHash(db, "alice")).startsWith("{scrypt-test-1}$");
      assertThat(identity.passwordStorage())
          .isEqualTo(new PasswordStorage(2, 2, 0, 0, 0, 0, "{scrypt-test-1}"));
      assertThat(identity.authenticate("nobody", Secret.of(ALICE_PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
    }

    // Back to the built-in scheme: the plugged values no longer verify and count as foreign.
    try (BulwarkEngine engine = engine(db, null)) {
      assertThat(engine.identityService().passwordStorage())
          .isEqualTo(new PasswordStorage(2, 0, 0, 0, 2, 0, PasswordStorage.BUILT_IN));
      assertThat(
              engine.identityService().authenticate("alice", Secret.of(ALICE_PASSWORD)).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
    }
  }

  @Test
  void a3_encoderWithoutAValidOwnSchemeIsRefusedWhenSet() {
    for (String scheme : new String[] {"argon2id-2", "Scrypt", "", "a b", "x".repeat(33), null}) {
      assertThatThrownBy(() -> BulwarkEngine.builder().passwordEncoder(new ScryptEncoder(scheme)))
          .as("scheme %s", scheme)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("invalid password encoder scheme");
    }
  }
}
