package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordRecoveryService.Outcome;
import io.bulwark.engine.api.PasswordRecoveryService.RecoveryRequest;
import io.bulwark.engine.api.PasswordRecoverySettings;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.identity.throttle.MovableClock;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A11 on H2 and PostgreSQL: the reset token is single-use, expires, is stored only as a hash, is
 * bound to the user's revision, is replaced by a newer request, and is rate limited per account and
 * per address; a reset goes through the password policy and ends the user's tokens (A10); an
 * unknown account gets the same kind of answer as a known one (A6).
 */
class PasswordRecoveryIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String PASSWORD = "Correct-Horse-Battery-93";
  private static final String NEW_PASSWORD = "Lantern-Orchid-Quarry-58";
  private static final String CLIENT = "192.0.2.10";

  /** The services of one engine over a test database, with a clock the test moves. */
  private record Node(
      Database database,
      DatabaseIdentityService identity,
      DatabasePasswordRecoveryService recovery,
      DatabaseAccessTokenService tokens,
      MovableClock clock) {}

  private static void withNode(
      TestDatabase db, PasswordRecoverySettings settings, Consumer<Node> test) {
    try (Database database =
        Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray())) {
      MovableClock clock = new MovableClock();
      CommandExecutor executor =
          new CommandExecutor(database.dataSource(), new GrantChecker(), clock);
      BaselinePasswordPolicy policy =
          new BaselinePasswordPolicy(io.bulwark.engine.api.PasswordPolicySettings.defaults());
      Node node =
          new Node(
              database,
              new DatabaseIdentityService(executor, clock, policy),
              new DatabasePasswordRecoveryService(executor, policy, settings),
              new DatabaseAccessTokenService(executor, clock),
              clock);
      node.identity()
          .createUser(
              ADMIN,
              new NewUser(
                  "grace",
                  new UserProfile("Grace", "Hopper", null, "Grace.Hopper@example.org"),
                  Secret.of(PASSWORD),
                  PasswordChange.NOT_REQUIRED));
      test.accept(node);
    }
  }

  @EveryDatabaseTest
  void a11_resetLinkWorksOnceAndEndsTheUsersTokens(TestDatabase db) {
    withNode(
        db,
        PasswordRecoverySettings.defaults(),
        node -> {
          Secret access =
              node.tokens().issue(new Principal("grace", Set.of()), Duration.ofMinutes(15)).token();
          RecoveryRequest request = node.recovery().requestReset("grace", CLIENT);
          assertThat(request.outcome()).isEqualTo(Outcome.ISSUED);
          assertThat(request.mails())
              .singleElement()
              .satisfies(
                  mail -> {
                    assertThat(mail.email()).isEqualTo("Grace.Hopper@example.org");
                    assertThat(mail.expires())
                        .isEqualTo(node.clock().instant().plus(Duration.ofMinutes(30)));
                    assertThat(mail.token().length()).isEqualTo(43);
                  });
          Secret token = request.mails().get(0).token();
          assertThat(node.recovery().checkResetToken(token)).contains("grace");
          assertThat(storedTokenHashes(node)).containsExactly(sha256(token));

          assertThat(node.recovery().resetPassword(token, Secret.of(NEW_PASSWORD)))
              .isEqualTo("grace");

          assertThat(node.identity().authenticate("grace", Secret.of(NEW_PASSWORD)).outcome())
              .isEqualTo(AuthenticationOutcome.SUCCESS);
          assertThat(node.tokens().check(access).outcome())
              .isNotEqualTo(AccessTokenCheck.Outcome.VALID);
          assertThat(node.recovery().checkResetToken(token)).isEmpty();
          assertInvalidToken(() -> node.recovery().resetPassword(token, Secret.of(PASSWORD)));
          assertThat(storedTokenHashes(node)).isEmpty();
        });
  }

  @EveryDatabaseTest
  void a11_linkExpiresAfterItsLifetimeAndIsFoundByEmailIgnoringCase(TestDatabase db) {
    withNode(
        db,
        PasswordRecoverySettings.defaults(),
        node -> {
          Secret token =
              node.recovery()
                  .requestReset("grace.hopper@EXAMPLE.org", CLIENT)
                  .mails()
                  .get(0)
                  .token();
          node.clock().advance(Duration.ofMinutes(30));
          assertThat(node.recovery().checkResetToken(token)).isEmpty();
          assertInvalidToken(() -> node.recovery().resetPassword(token, Secret.of(NEW_PASSWORD)));
        });
  }

  @EveryDatabaseTest
  void a11_newerRequestAndPasswordChangeInvalidateTheLink(TestDatabase db) {
    withNode(
        db,
        PasswordRecoverySettings.defaults(),
        node -> {
          Secret first = node.recovery().requestReset("grace", CLIENT).mails().get(0).token();
          Secret second = node.recovery().requestReset("grace", CLIENT).mails().get(0).token();
          assertThat(node.recovery().checkResetToken(first)).isEmpty();
          assertThat(node.recovery().checkResetToken(second)).contains("grace");

          node.identity().changePassword("grace", Secret.of(PASSWORD), Secret.of(NEW_PASSWORD));
          assertInvalidToken(() -> node.recovery().resetPassword(second, Secret.of(PASSWORD)));
        });
  }

  @EveryDatabaseTest
  void a11_newPasswordGoesThroughThePolicy(TestDatabase db) {
    withNode(
        db,
        PasswordRecoverySettings.defaults(),
        node -> {
          Secret token = node.recovery().requestReset("grace", CLIENT).mails().get(0).token();
          assertThatThrownBy(() -> node.recovery().resetPassword(token, Secret.of("Password1234")))
              .isInstanceOfSatisfying(
                  ValidationException.class,
                  refused -> assertThat(refused.field()).isEqualTo("password"));
          assertThat(node.recovery().checkResetToken(token)).contains("grace");
        });
  }

  @EveryDatabaseTest
  void a11_a6_unknownDisabledAndAddressLessAccountsGetNoLinkAndNoRefusal(TestDatabase db) {
    withNode(
        db,
        PasswordRecoverySettings.defaults(),
        node -> {
          node.identity()
              .createUser(
                  ADMIN,
                  new NewUser("hedy", "Hedy", Secret.of(PASSWORD), PasswordChange.NOT_REQUIRED));
          assertThat(node.recovery().requestReset("nobody", CLIENT))
              .isEqualTo(new RecoveryRequest(Outcome.NO_ACCOUNT, java.util.List.of()));
          assertThat(node.recovery().requestReset("hedy", CLIENT).outcome())
              .isEqualTo(Outcome.NO_EMAIL);
          node.identity().disableUser(ADMIN, "grace");
          assertThat(node.recovery().requestReset("grace", CLIENT).outcome())
              .isEqualTo(Outcome.DISABLED);
          assertThat(storedTokenHashes(node)).isEmpty();
        });
  }

  @EveryDatabaseTest
  void a11_requestsAreLimitedPerAccountAndPerAddress(TestDatabase db) {
    withNode(
        db,
        new PasswordRecoverySettings(Duration.ofMinutes(30), 2, 4, Duration.ofHours(1)),
        node -> {
          assertThat(node.recovery().requestReset("grace", "192.0.2.1").outcome())
              .isEqualTo(Outcome.ISSUED);
          assertThat(node.recovery().requestReset("grace", "192.0.2.2").outcome())
              .isEqualTo(Outcome.ISSUED);
          assertThat(node.recovery().requestReset("grace", "192.0.2.3").outcome())
              .isEqualTo(Outcome.ACCOUNT_LIMIT);

          for (int i = 0; i < 4; i++) {
            node.recovery().requestReset("nobody-" + i, "2001:db8:1:2::" + (i + 1));
          }
          assertThat(node.recovery().requestReset("nobody", "2001:db8:1:2::99").outcome())
              .as("the whole /64 shares one limit")
              .isEqualTo(Outcome.ADDRESS_LIMIT);

          node.clock().advance(Duration.ofMinutes(61));
          assertThat(node.recovery().requestReset("grace", "2001:db8:1:2::99").outcome())
              .isEqualTo(Outcome.ISSUED);
        });
  }

  private static void assertInvalidToken(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    assertThatThrownBy(c)
        .isInstanceOfSatisfying(
            ValidationException.class,
            refused -> {
              assertThat(refused.field()).isEqualTo("token");
              assertThat(refused.rules()).containsExactly("reset-token");
            });
  }

  private static java.util.List<String> storedTokenHashes(Node node) {
    try (Connection c = node.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT token_hash FROM bw_password_reset_token");
        ResultSet rs = ps.executeQuery()) {
      java.util.List<String> hashes = new java.util.ArrayList<>();
      while (rs.next()) {
        hashes.add(rs.getString(1));
      }
      return hashes;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(Secret token) {
    try {
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(
                      new String(token.reveal())
                          .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
