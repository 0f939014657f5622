package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * A10 for tokens, on H2 and PostgreSQL: a token is bound to the revision its user had when it was
 * issued, so a password change (or any other change of the user) refuses it at its next use, while
 * a membership change shows in the groups of the very next check. Two services over one database
 * stand for two nodes.
 */
class TokenRevocationIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  private static CommandExecutor executor(Database database) {
    return new CommandExecutor(database.dataSource(), new GrantChecker(), Clock.systemUTC());
  }

  @EveryDatabaseTest
  void a10_passwordChangeEndsTheUsersTokensAndMembershipShowsAtOnce(TestDatabase db) {
    try (Database database =
        Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray())) {
      IdentityService identity = new DatabaseIdentityService(executor(database), Clock.systemUTC());
      DatabaseAccessTokenService node1 =
          new DatabaseAccessTokenService(executor(database), Clock.systemUTC());
      DatabaseAccessTokenService node2 =
          new DatabaseAccessTokenService(executor(database), Clock.systemUTC());
      identity.createUser(
          ADMIN,
          new NewUser(
              "frank", "Frank", Secret.of("first secret phrase"), PasswordChange.NOT_REQUIRED));
      identity.createGroup(ADMIN, "accounting", "Accounting", null);
      Principal frank = new Principal("frank", Set.of());

      Secret token = node1.issue(frank, LIFETIME).token();
      assertThat(node2.check(token).outcome()).isEqualTo(Outcome.VALID);

      identity.addMembership(ADMIN, "frank", "accounting");
      assertThat(node2.check(token).principal().orElseThrow().groups()).contains("accounting");
      identity.removeMembership(ADMIN, "frank", "accounting");
      assertThat(node1.check(token).principal().orElseThrow().groups())
          .doesNotContain("accounting");

      Secret fresh = node1.issue(frank, LIFETIME).token();
      identity.changePassword(
          "frank", Secret.of("first secret phrase"), Secret.of("second secret phrase"));
      assertThat(node2.check(fresh).outcome()).isEqualTo(Outcome.USER_CHANGED);
      assertThat(node1.check(fresh).outcome()).isEqualTo(Outcome.USER_CHANGED);

      Secret afterChange = node2.issue(frank, LIFETIME).token();
      assertThat(node1.check(afterChange).outcome()).isEqualTo(Outcome.VALID);
      identity.disableUser(ADMIN, "frank");
      assertThat(node1.check(afterChange).principal()).isEmpty();
    }
  }
}
