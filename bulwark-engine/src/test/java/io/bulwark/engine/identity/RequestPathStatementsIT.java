package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.ConfirmedPrincipal;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.location.DatabaseLocationRuleService;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What the credential checks of every API request cost (issue 14) and that they stay fresh (A10,
 * Z4): a Basic request confirmed from the server's credential cache and a bearer token are each
 * checked in ONE statement, which also reads the user's current groups and the location rules'
 * version, so that the server reads neither again for the request; and that statement sees a
 * membership change or a location rule change at once.
 */
class RequestPathStatementsIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));

  @EveryDatabaseTest
  void a10_z4_basicConfirmationIsOneStatementWithFreshGroupsAndRuleVersion(TestDatabase db) {
    try (Database database = Database.jdbc(db.jdbcUrl(), db.username(), password(db))) {
      AtomicInteger statements = new AtomicInteger();
      IdentityService admin = new DatabaseIdentityService(executor(database.dataSource()), clock());
      IdentityService counted =
          new DatabaseIdentityService(
              executor(counting(database.dataSource(), statements)), clock());
      LocationRuleService rules = new DatabaseLocationRuleService(executor(database.dataSource()));
      createUserInGroup(admin);
      long revision = admin.findUser("alice").orElseThrow().revision();

      ConfirmedPrincipal first = counted.confirmAuthenticated("alice", revision).orElseThrow();
      assertThat(statements.get()).as("statements of one confirmation").isEqualTo(1);
      assertThat(first.principal().groups()).containsExactly("clerks");
      assertThat(first.locationRuleVersion()).isEqualTo(storedVersion(rules));

      LocationRule rule =
          rules.createRule(
              ADMIN, new NewLocationRule("/engine-rest/task/**", LocationRule.Effect.DENY, "*"), 0);
      admin.removeMembership(ADMIN, "alice", "clerks");
      statements.set(0);
      ConfirmedPrincipal next = counted.confirmAuthenticated("alice", revision).orElseThrow();
      assertThat(statements.get()).isEqualTo(1);
      assertThat(next.principal().groups()).as("membership removed (A10)").isEmpty();
      assertThat(next.locationRuleVersion())
          .as("the version after the rule change (Z4)")
          .isGreaterThan(first.locationRuleVersion())
          .isEqualTo(storedVersion(rules));
      rules.deleteRule(ADMIN, rule.id());
      assertThat(
              counted.confirmAuthenticated("alice", revision).orElseThrow().locationRuleVersion())
          .isEqualTo(storedVersion(rules));
    }
  }

  @EveryDatabaseTest
  void a9_z4_bearerCheckIsOneStatementWithFreshGroupsAndRuleVersion(TestDatabase db) {
    try (Database database = Database.jdbc(db.jdbcUrl(), db.username(), password(db))) {
      AtomicInteger statements = new AtomicInteger();
      IdentityService admin = new DatabaseIdentityService(executor(database.dataSource()), clock());
      LocationRuleService rules = new DatabaseLocationRuleService(executor(database.dataSource()));
      createUserInGroup(admin);
      DatabaseAccessTokenService issuer =
          new DatabaseAccessTokenService(executor(database.dataSource()), clock());
      DatabaseAccessTokenService counted =
          new DatabaseAccessTokenService(
              executor(counting(database.dataSource(), statements)), clock());
      Secret token =
          issuer.issue(new Principal("alice", Set.of("clerks")), Duration.ofMinutes(5)).token();

      AccessTokenCheck first = counted.check(token);
      assertThat(statements.get()).as("statements of one token check").isEqualTo(1);
      assertThat(first.principal().orElseThrow().groups()).containsExactly("clerks");
      assertThat(first.locationRuleVersion()).hasValue(storedVersion(rules));

      admin.createGroup(ADMIN, "auditors", "Auditors");
      admin.addMembership(ADMIN, "alice", "auditors");
      rules.createRule(
          ADMIN, new NewLocationRule("/engine-rest/task/**", LocationRule.Effect.DENY, "*"), 0);
      statements.set(0);
      AccessTokenCheck next = counted.check(token);
      assertThat(statements.get()).isEqualTo(1);
      assertThat(next.principal().orElseThrow().groups())
          .as("membership added (A10)")
          .containsExactlyInAnyOrder("auditors", "clerks");
      assertThat(next.locationRuleVersion())
          .as("the version after the rule change (Z4)")
          .hasValue(storedVersion(rules));
      assertThat(next.locationRuleVersion().getAsLong())
          .isGreaterThan(first.locationRuleVersion().getAsLong());

      admin.disableUser(ADMIN, "alice");
      assertThat(counted.check(token).outcome()).isNotEqualTo(AccessTokenCheck.Outcome.VALID);
      assertThat(counted.check(token).locationRuleVersion()).isEmpty();
    }
  }

  private static void createUserInGroup(IdentityService admin) {
    admin.createUser(
        ADMIN,
        new NewUser(
            "alice", "Alice", Secret.of("correct horse battery"), PasswordChange.NOT_REQUIRED));
    admin.createGroup(ADMIN, "clerks", "Clerks");
    admin.addMembership(ADMIN, "alice", "clerks");
  }

  private static long storedVersion(LocationRuleService rules) {
    return rules.ruleSetIfChanged(-1).orElseThrow().version();
  }

  private static CommandExecutor executor(DataSource dataSource) {
    return new CommandExecutor(dataSource, new GrantChecker(), Clock.systemUTC());
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  private static char[] password(TestDatabase db) {
    return db.password().toCharArray();
  }

  /** {@code target}, counting every statement its connections prepare. */
  private static DataSource counting(DataSource target, AtomicInteger statements) {
    return proxy(
        DataSource.class,
        target,
        (name, result) ->
            result instanceof Connection connection
                ? proxy(
                    Connection.class,
                    connection,
                    (method, prepared) -> {
                      if (prepared instanceof PreparedStatement) {
                        statements.incrementAndGet();
                      }
                      return prepared;
                    })
                : result);
  }

  private interface After {
    Object apply(String method, Object result);
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    return type.cast(
        Proxy.newProxyInstance(
            RequestPathStatementsIT.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              try {
                return after.apply(method.getName(), method.invoke(target, args));
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
