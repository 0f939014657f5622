package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.IssuedAccessToken;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hashed access token store (A9) on H2 and PostgreSQL, with a clock the test moves. */
class AccessTokenServiceIT {

  private static final Principal ACTOR = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final Principal ALICE = new Principal("alice", Set.of());
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  /** A clock that stands still until the test moves it. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Database open(TestDatabase db) {
    return Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
  }

  private static CommandExecutor executor(Database database) {
    return new CommandExecutor(database.dataSource(), new GrantChecker(), Clock.systemUTC());
  }

  private static void createAlice(Database database) {
    IdentityService identity = new DatabaseIdentityService(executor(database), Clock.systemUTC());
    identity.createUser(
        ACTOR,
        new NewUser(
            "alice", "Alice", Secret.of("correct horse battery"), PasswordChange.NOT_REQUIRED));
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  private static List<String> storedHashes(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM bw_access_token");
        ResultSet rs = ps.executeQuery()) {
      List<String> hashes = new ArrayList<>();
      while (rs.next()) {
        hashes.add(rs.getString(1));
      }
      return hashes;
    }
  }

  @EveryDatabaseTest
  void a9_storesOnlyTheHashAndAcceptsTheTokenUntilItExpires(TestDatabase db) throws SQLException {
    TestClock clock = new TestClock();
    try (Database database = open(db)) {
      createAlice(database);
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(executor(database), clock);

      IssuedAccessToken issued = service.issue(ALICE, LIFETIME);
      String token = new String(issued.token().reveal());
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(issued.expires()).isEqualTo(clock.instant().plus(LIFETIME));
      assertThat(issued.toString()).doesNotContain(token);
      assertThat(storedHashes(db))
          .singleElement()
          .satisfies(
              hash -> {
                assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(token);
                assertThat(hash).isEqualTo(AccessTokens.hash(Secret.of(token)).orElseThrow());
              });

      assertThat(service.check(Secret.of(token)).principal()).contains(ALICE);
      clock.advance(LIFETIME.minusSeconds(1));
      assertThat(service.check(Secret.of(token)).outcome()).isEqualTo(Outcome.VALID);
      clock.advance(Duration.ofSeconds(1));
      assertThat(service.check(Secret.of(token)).outcome()).isEqualTo(Outcome.EXPIRED);

      // The next issue purges the expired row.
      service.issue(ALICE, LIFETIME);
      assertThat(storedHashes(db)).hasSize(1);
    }
  }

  @EveryDatabaseTest
  void a9_boundTokenIsRefusedFromAnotherAddressAndUnboundOneIsNot(TestDatabase db) {
    try (Database database = open(db)) {
      createAlice(database);
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(executor(database), new TestClock());

      Secret bound = service.issue(ALICE, LIFETIME, "192.0.2.7").token();
      assertThat(service.check(bound, "192.0.2.7").outcome()).isEqualTo(Outcome.VALID);
      AccessTokenCheck stolen = service.check(bound, "198.51.100.9");
      assertThat(stolen.outcome()).isEqualTo(Outcome.WRONG_CLIENT);
      assertThat(stolen.principal()).isEmpty();
      assertThat(stolen.userId()).contains("alice");
      assertThat(service.check(bound).outcome()).isEqualTo(Outcome.WRONG_CLIENT);
      assertThat(service.check(bound, "192.0.2.7").outcome()).isEqualTo(Outcome.VALID);

      Secret unbound = service.issue(ALICE, LIFETIME).token();
      assertThat(service.check(unbound, "198.51.100.9").outcome()).isEqualTo(Outcome.VALID);
      assertThatThrownBy(() -> service.issue(ALICE, LIFETIME, "x".repeat(65)))
          .isInstanceOf(ValidationException.class);
    }
  }

  @EveryDatabaseTest
  void a9_revokedDisabledAndDeletedUsersTokensAreRefusedAtOnce(TestDatabase db)
      throws SQLException {
    try (Database database = open(db)) {
      createAlice(database);
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(executor(database), Clock.systemUTC());

      Secret revoked = service.issue(ALICE, LIFETIME).token();
      assertThat(service.revoke(revoked)).isTrue();
      assertThat(service.check(revoked).outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(service.revoke(revoked)).isFalse();

      Secret token = service.issue(ALICE, LIFETIME).token();
      execute(db, "UPDATE bw_user SET disabled = TRUE WHERE id = 'alice'");
      assertThat(service.check(token).outcome()).isEqualTo(Outcome.USER_DISABLED);
      execute(db, "UPDATE bw_user SET disabled = FALSE, must_change_password = TRUE");
      assertThat(service.check(token).outcome()).isEqualTo(Outcome.PASSWORD_CHANGE_REQUIRED);
      execute(db, "UPDATE bw_user SET must_change_password = FALSE");
      assertThat(service.check(token).outcome()).isEqualTo(Outcome.VALID);
      execute(db, "DELETE FROM bw_user WHERE id = 'alice'");
      assertThat(service.check(token).outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(storedHashes(db)).isEmpty();
    }
  }

  @EveryDatabaseTest
  void a9_refusesLifetimesOutOfRangeAndUnknownUsers(TestDatabase db) {
    try (Database database = open(db)) {
      createAlice(database);
      DatabaseAccessTokenService service =
          new DatabaseAccessTokenService(executor(database), Clock.systemUTC());
      for (Duration lifetime :
          List.of(Duration.ofSeconds(59), Duration.ofHours(24).plusSeconds(1))) {
        assertThatThrownBy(() -> service.issue(ALICE, lifetime))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("PT1M to PT24H");
      }
      assertThatThrownBy(() -> service.issue(new Principal("bob", Set.of()), LIFETIME))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void a9_malformedTokensAreUnknownWithoutHashing() {
    for (String junk : List.of("", "short", "a".repeat(42), "a".repeat(44), "+".repeat(43))) {
      assertThat(AccessTokens.hash(Secret.of(junk))).as(junk).isEmpty();
    }
    Secret token = new AccessTokens().next();
    assertThat(AccessTokens.hash(token)).hasValueSatisfying(h -> assertThat(h).hasSize(64));
    assertThat(new AccessTokens().next()).isNotEqualTo(token);
  }
}
