package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.EndedSessions;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewSession;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserSession;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A10 for web sessions, on H2 and PostgreSQL: sessions registered by one node are listed and ended
 * through another (two services over one database stand for two nodes); the node holding a session
 * finds it ended at its next check; an administrator ends a user's sessions and tokens; a user ends
 * only their own.
 */
class UserSessionsIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static CommandExecutor executor(Database database) {
    return new CommandExecutor(database.dataSource(), new GrantChecker(), Clock.systemUTC());
  }

  private static Database open(TestDatabase db) {
    return Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
  }

  private static void createUser(IdentityService identity, String id) {
    identity.createUser(
        ADMIN, new NewUser(id, id, Secret.of("Corvid-Lantern-58"), PasswordChange.NOT_REQUIRED));
  }

  @EveryDatabaseTest
  void a10_sessionEndedOnOneNodeIsRefusedOnTheOtherAndListedAcrossNodes(TestDatabase db) {
    try (Database database = open(db)) {
      IdentityService identity = new DatabaseIdentityService(executor(database), Clock.systemUTC());
      DatabaseSessionService nodeA = new DatabaseSessionService(executor(database));
      DatabaseSessionService nodeB = new DatabaseSessionService(executor(database));
      createUser(identity, "grace");
      Principal grace = new Principal("grace", Set.of());

      String onA = nodeA.register(new NewSession("grace", "node-a", "10.0.0.1", "Firefox"));
      String onB = nodeB.register(new NewSession("grace", "node-b", "10.0.0.2", "Safari"));
      assertThat(onA).matches("[0-9a-f]{32}").isNotEqualTo(onB);

      List<UserSession> listed = nodeB.sessionsOf(grace, "grace");
      assertThat(listed).extracting(UserSession::handle).containsExactlyInAnyOrder(onA, onB);
      assertThat(listed)
          .extracting(UserSession::node)
          .containsExactlyInAnyOrder("node-a", "node-b");
      assertThat(nodeA.isActive(onA, MINUTE)).isTrue();

      // The user ends the session of node A from node B, but not the one they use there.
      assertThat(nodeB.endOwnSessions(grace, List.of(onA, onB), onB)).isEqualTo(1);
      assertThat(nodeA.isActive(onA, MINUTE)).isFalse();
      assertThat(nodeB.isActive(onB, MINUTE)).isTrue();
      assertThat(nodeA.sessionsOf(grace, "grace"))
          .extracting(UserSession::handle)
          .containsOnly(onB);

      // A session that ends on its own node is forgotten.
      nodeB.forget(onB);
      assertThat(nodeB.isActive(onB, MINUTE)).isFalse();
      assertThat(nodeA.sessionsOf(grace, "grace")).isEmpty();
      assertThat(nodeA.isActive("not a handle", MINUTE)).isFalse();
    }
  }

  @EveryDatabaseTest
  void a10_administratorEndsOneSessionOrAllSessionsAndTokensOfAUser(TestDatabase db) {
    try (Database database = open(db)) {
      CommandExecutor executor = executor(database);
      IdentityService identity = new DatabaseIdentityService(executor, Clock.systemUTC());
      DatabaseSessionService sessions = new DatabaseSessionService(executor);
      DatabaseAccessTokenService tokens =
          new DatabaseAccessTokenService(executor, Clock.systemUTC());
      createUser(identity, "henry");
      Principal henry = new Principal("henry", Set.of());
      String first = sessions.register(new NewSession("henry", "n1", "10.0.0.3", null));
      String second = sessions.register(new NewSession("henry", "n2", "10.0.0.4", null));
      Secret token = tokens.issue(henry, Duration.ofMinutes(15)).token();

      assertThat(sessions.sessionsOf(ADMIN, "henry")).hasSize(2);
      sessions.endSession(ADMIN, "henry", first);
      assertThat(sessions.isActive(first, MINUTE)).isFalse();
      assertThatThrownBy(() -> sessions.endSession(ADMIN, "henry", first))
          .isInstanceOf(NotFoundException.class);

      EndedSessions ended = sessions.endAll(ADMIN, "henry");
      assertThat(ended).isEqualTo(new EndedSessions(1, 1));
      assertThat(sessions.isActive(second, MINUTE)).isFalse();
      assertThat(tokens.check(token).outcome()).isEqualTo(Outcome.UNKNOWN);
    }
  }

  @EveryDatabaseTest
  void a10_userWithoutGrantCannotListOrEndAnothersSessions(TestDatabase db) {
    try (Database database = open(db)) {
      CommandExecutor executor = executor(database);
      IdentityService identity = new DatabaseIdentityService(executor, Clock.systemUTC());
      DatabaseSessionService sessions = new DatabaseSessionService(executor);
      createUser(identity, "ivy");
      createUser(identity, "mallory");
      Principal mallory = new Principal("mallory", Set.of());
      String ivys = sessions.register(new NewSession("ivy", "n1", "10.0.0.5", "x"));

      assertThatThrownBy(() -> sessions.sessionsOf(mallory, "ivy"))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> sessions.endSession(mallory, "ivy", ivys))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> sessions.endAll(mallory, "ivy"))
          .isInstanceOf(AuthorizationDeniedException.class);
      // Her own end-sessions call ignores a handle that is not hers.
      assertThat(sessions.endOwnSessions(mallory, List.of(ivys), null)).isZero();
      assertThat(sessions.isActive(ivys, MINUTE)).isTrue();
      assertThatThrownBy(() -> sessions.endSession(ADMIN, "ivy", "'; DROP TABLE x; --"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("32 lower-case hex digits");
      assertThatThrownBy(() -> sessions.sessionsOf(ADMIN, "ivy/../x"))
          .isInstanceOf(ValidationException.class);
    }
  }

  @EveryDatabaseTest
  void a10_lastUseIsWrittenAtMostOncePerIntervalAndUserAgentIsBoundedAndEscaped(TestDatabase db)
      throws Exception {
    try (Database database = open(db)) {
      CommandExecutor executor = executor(database);
      IdentityService identity = new DatabaseIdentityService(executor, Clock.systemUTC());
      DatabaseSessionService sessions = new DatabaseSessionService(executor);
      createUser(identity, "jane");
      String agent = "Evil\r\n{\"event\":\"forged\"}\u0007" + "x".repeat(5_000);
      String handle = sessions.register(new NewSession("jane", "n1", "10.0.0.6", agent));

      UserSession row = sessions.sessionsOf(ADMIN, "jane").get(0);
      assertThat(row.userAgent())
          .startsWith("Evil\\u000d\\u000a{\"event\"")
          .contains("\\u0007")
          .doesNotContain("\r", "\n", "\u0007")
          .endsWith("~")
          .hasSizeLessThanOrEqualTo(NewSession.MAX_USER_AGENT + 1);

      setLastUsed(db, handle, "2000-01-01T00:00:00Z");
      assertThat(sessions.isActive(handle, Duration.ofDays(365 * 100))).isTrue();
      assertThat(sessions.sessionsOf(ADMIN, "jane").get(0).lastUsed().toString())
          .as("not yet due: unchanged")
          .isEqualTo("2000-01-01T00:00:00Z");
      assertThat(sessions.isActive(handle, MINUTE)).isTrue();
      assertThat(sessions.sessionsOf(ADMIN, "jane").get(0).lastUsed())
          .isAfter(row.created().minusSeconds(1));

      // A row unused for more than a day (its node stopped) is forgotten at the next sign-in.
      setLastUsed(db, handle, "2000-01-01T00:00:00Z");
      sessions.register(new NewSession("jane", "n1", "10.0.0.6", agent));
      assertThat(sessions.sessionsOf(ADMIN, "jane"))
          .extracting(UserSession::handle)
          .doesNotContain(handle);
    }
  }

  private static void setLastUsed(TestDatabase db, String handle, String instant) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("UPDATE bw_user_session SET last_used = ? WHERE handle = ?")) {
      ps.setObject(1, OffsetDateTime.parse(instant));
      ps.setString(2, handle);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
