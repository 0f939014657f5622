package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.TenantQuery;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * User, group and tenant management as engine commands on H2 and PostgreSQL: each declares its
 * requirement to the one command executor (Z2), deletions tombstone IDs (Z6), IDs follow the
 * pattern (Z7), lists page and count (W8).
 */
class IdentityManagementIT {

  private static final String ROOT_PASSWORD = "master key of the vault, seven";
  private static final String GOOD = "quiet lantern drifts east";
  private static final Principal ROOT = new Principal("root", Set.of("bulwark-admins"));

  private final RecordingChecker checker = new RecordingChecker();

  /** One database with the service over the one command executor, and the root user. */
  private final class Fixture implements AutoCloseable {
    final Database database;
    final DatabaseIdentityService identity;
    final DatabaseAccessTokenService tokens;

    Fixture(TestDatabase db) {
      database = Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
      CommandExecutor executor =
          new CommandExecutor(database.dataSource(), checker, Clock.systemUTC());
      identity = new DatabaseIdentityService(executor, Clock.systemUTC());
      tokens = new DatabaseAccessTokenService(executor, Clock.systemUTC());
      identity.createUser(
          ROOT, new NewUser("root", "Root", Secret.of(ROOT_PASSWORD), PasswordChange.NOT_REQUIRED));
      checker.clear();
    }

    User user(String id, String first, String last, String email) {
      return identity.createUser(
          ROOT,
          new NewUser(
              id,
              new UserProfile(first, last, null, email),
              Secret.of(GOOD),
              PasswordChange.NOT_REQUIRED));
    }

    long count(String sql, Object... values) throws SQLException {
      try (Connection c = database.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    @Override
    public void close() {
      database.close();
    }
  }

  private static Requirement.PermissionCheck check(
      ResourceType type, Permission permission, String id) {
    return Requirement.of(type, permission, id);
  }

  @EveryDatabaseTest
  void z2_everyIdentityOperationIsACommandCheckedWithItsRequirement(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", "Alice", "Doe", null);
      f.identity.getUser(ROOT, "alice");
      f.identity.updateProfile(ROOT, "alice", new UserProfile("Al", "Doe", null, null));
      f.identity.disableUser(ROOT, "alice");
      f.identity.createGroup(ROOT, "clerks", "Clerks", "WORKFLOW");
      f.identity.addMembership(ROOT, "alice", "clerks");
      f.identity.createTenant(ROOT, "north", "North");
      f.identity.addTenantUser(ROOT, "north", "alice");
      f.identity.addTenantGroup(ROOT, "north", "clerks");
      f.identity.deleteGroup(ROOT, "clerks");
      f.identity.deleteUser(ROOT, "alice");
      f.identity.deleteTenant(ROOT, "north");
      f.identity.purgeDeletedId(ROOT, IdentityKind.USER, "alice");
      assertThat(checker.asked)
          .containsExactly(
              Requirement.onAny(ResourceType.USER, Permission.CREATE),
              check(ResourceType.USER, Permission.READ, "alice"),
              check(ResourceType.USER, Permission.UPDATE, "alice"),
              check(ResourceType.USER, Permission.UPDATE, "alice"),
              Requirement.onAny(ResourceType.GROUP, Permission.CREATE),
              check(ResourceType.GROUP, Permission.UPDATE, "clerks"),
              Requirement.onAny(ResourceType.TENANT, Permission.CREATE),
              check(ResourceType.TENANT, Permission.UPDATE, "north"),
              check(ResourceType.TENANT, Permission.UPDATE, "north"),
              check(ResourceType.GROUP, Permission.DELETE, "clerks"),
              check(ResourceType.USER, Permission.DELETE, "alice"),
              check(ResourceType.TENANT, Permission.DELETE, "north"),
              Requirement.onAny(ResourceType.USER, Permission.DELETE));

      f.identity.findUsers(ROOT, UserQuery.all());
      f.identity.findGroups(ROOT, GroupQuery.all());
      f.identity.findTenants(ROOT, TenantQuery.all());
      assertThat(checker.listed)
          .containsExactly(
              new RecordingChecker.Listed(ResourceType.USER, Permission.READ, "u.id"),
              new RecordingChecker.Listed(ResourceType.GROUP, Permission.READ, "g.id"),
              new RecordingChecker.Listed(ResourceType.TENANT, Permission.READ, "t.id"));
    }
  }

  @EveryDatabaseTest
  void z2_aDeniedIdentityCommandWritesNothing(TestDatabase db) throws SQLException {
    try (Fixture f = new Fixture(db)) {
      checker.denyAll = true;
      assertThatThrownBy(() -> f.user("mallory", null, null, null))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> f.identity.deleteUser(ROOT, "root"))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThat(f.identity.findUsers(ROOT, UserQuery.all()).total()).isZero();
      checker.denyAll = false;
      assertThat(f.count("SELECT COUNT(*) FROM bw_user")).isEqualTo(1);
      assertThat(f.identity.findUsers(ROOT, UserQuery.all()).total()).isEqualTo(1);
    }
  }

  @EveryDatabaseTest
  void z6_deletingAUserDeletesMembershipsAndTokensAndTombstonesTheId(TestDatabase db)
      throws SQLException {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", null, null, null);
      f.identity.createGroup(ROOT, "clerks", "Clerks");
      f.identity.addMembership(ROOT, "alice", "clerks");
      f.identity.createTenant(ROOT, "north", "North");
      f.identity.addTenantUser(ROOT, "north", "alice");
      Secret token =
          f.tokens.issue(new Principal("alice", Set.of()), java.time.Duration.ofMinutes(5)).token();

      f.identity.deleteUser(ROOT, "alice");

      assertThat(f.count("SELECT COUNT(*) FROM bw_membership")).isZero();
      assertThat(f.count("SELECT COUNT(*) FROM bw_tenant_user")).isZero();
      assertThat(f.count("SELECT COUNT(*) FROM bw_access_token")).isZero();
      assertThat(f.tokens.check(token).principal()).isEmpty();
      assertThat(f.identity.findUser("alice")).isEmpty();
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM bw_identity_id WHERE id = 'alice' AND deleted_by = 'root'"))
          .isEqualTo(1);
      assertThatThrownBy(() -> f.user("alice", null, null, null))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("alice")
          .hasMessageContaining("Z6")
          .hasMessageContaining(IdentityIds.RULE);
      assertThatThrownBy(() -> f.identity.deleteUser(ROOT, "alice"))
          .isInstanceOf(NotFoundException.class);

      f.identity.purgeDeletedId(ROOT, IdentityKind.USER, "alice");
      assertThat(f.user("alice", null, null, null).id()).isEqualTo("alice");
      assertThatThrownBy(() -> f.identity.purgeDeletedId(ROOT, IdentityKind.USER, "alice"))
          .as("a live ID is no tombstone")
          .isInstanceOf(NotFoundException.class);
    }
  }

  @EveryDatabaseTest
  void z6_deletingAGroupOrTenantDeletesMembershipsAndTombstonesTheId(TestDatabase db)
      throws SQLException {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", null, null, null);
      f.identity.createGroup(ROOT, "clerks", "Clerks");
      f.identity.addMembership(ROOT, "alice", "clerks");
      f.identity.createTenant(ROOT, "north", "North");
      f.identity.addTenantGroup(ROOT, "north", "clerks");
      f.identity.addTenantUser(ROOT, "north", "alice");

      f.identity.deleteGroup(ROOT, "clerks");
      assertThat(f.count("SELECT COUNT(*) FROM bw_membership")).isZero();
      assertThat(f.count("SELECT COUNT(*) FROM bw_tenant_group")).isZero();
      assertThat(
              f.identity.authenticate("alice", Secret.of(GOOD)).principal().orElseThrow().groups())
          .isEmpty();
      assertThatThrownBy(() -> f.identity.createGroup(ROOT, "clerks", "Clerks again"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z6");

      f.identity.deleteTenant(ROOT, "north");
      assertThat(f.count("SELECT COUNT(*) FROM bw_tenant_user")).isZero();
      assertThatThrownBy(() -> f.identity.createTenant(ROOT, "north", "North again"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z6");

      f.identity.purgeDeletedId(ROOT, IdentityKind.GROUP, "clerks");
      f.identity.purgeDeletedId(ROOT, IdentityKind.TENANT, "north");
      f.identity.createGroup(ROOT, "clerks", "Clerks again");
      f.identity.createTenant(ROOT, "north", "North again");
      assertThat(f.identity.getTenant(ROOT, "north").name()).isEqualTo("North again");
    }
  }

  @EveryDatabaseTest
  void z6_aLiveIdIsAPlainConflict(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.identity.createGroup(ROOT, "clerks", "Clerks");
      assertThatThrownBy(() -> f.identity.createGroup(ROOT, "clerks", "Clerks"))
          .isInstanceOf(ConflictException.class)
          .hasMessage("a group with ID clerks exists");
    }
  }

  @EveryDatabaseTest
  void z7_everyOperationRefusesIdsOutsideThePattern(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      for (String bad : new String[] {"", "-lead", "a b", "x".repeat(65), "o'brien", "ü", "a/b"}) {
        expectIdPattern("groupId", () -> f.identity.createGroup(ROOT, bad, "Name"));
        expectIdPattern("tenantId", () -> f.identity.createTenant(ROOT, bad, "Name"));
        expectIdPattern("userId", () -> f.identity.getUser(ROOT, bad));
        expectIdPattern("userId", () -> f.identity.deleteUser(ROOT, bad));
        expectIdPattern("userId", () -> f.identity.addMembership(ROOT, bad, "g"));
        expectIdPattern("groupId", () -> f.identity.addTenantGroup(ROOT, "t", bad));
        expectIdPattern("id", () -> f.identity.purgeDeletedId(ROOT, IdentityKind.USER, bad));
      }
      assertThat(checker.asked).as("refused before any check or SQL").isEmpty();
    }
  }

  private static void expectIdPattern(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.rules()).containsExactly("id-pattern");
            });
  }

  @EveryDatabaseTest
  void profilesAreValidatedAndUpdated(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      User alice = f.user("alice", "Alice", "Doe", "alice@example.org");
      assertThat(alice.displayName()).isEqualTo("Alice Doe");
      User changed =
          f.identity.updateProfile(
              ROOT, "alice", new UserProfile("Alicia", "Roe", "A. Roe", "a.roe@example.org"));
      assertThat(changed)
          .extracting(User::firstName, User::lastName, User::displayName, User::email)
          .containsExactly("Alicia", "Roe", "A. Roe", "a.roe@example.org");
      assertThat(changed.revision()).isGreaterThan(alice.revision());
      assertThat(f.identity.getUser(ROOT, "alice")).isEqualTo(changed);

      expectField("email", "email-format", new UserProfile(null, null, null, "not an address"));
      expectField("email", "email-format", new UserProfile(null, null, null, "a@b@c"));
      expectField("firstName", "no-control-characters", new UserProfile("A\nB", null, null, null));
      expectField("lastName", "name-length", new UserProfile(null, "x".repeat(256), null, null));
      for (UserProfile bad : List.of(new UserProfile(null, null, null, "x y@example.org"))) {
        assertThatThrownBy(() -> f.identity.updateProfile(ROOT, "alice", bad))
            .isInstanceOf(ValidationException.class);
      }
      assertThatThrownBy(
              () ->
                  f.identity.updateProfile(ROOT, "nobody", new UserProfile("N", null, null, null)))
          .isInstanceOf(NotFoundException.class);
    }
  }

  private void expectField(String field, String rule, UserProfile profile) {
    assertThatThrownBy(() -> new UpdateUserProfileCommand(UserEmails.clear(), "alice", profile))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.rules()).containsExactly(rule);
            });
  }

  @EveryDatabaseTest
  void a10_aDisabledUserIsRefusedUntilEnabled(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", null, null, null);
      Secret token =
          f.tokens.issue(new Principal("alice", Set.of()), java.time.Duration.ofMinutes(5)).token();
      f.identity.disableUser(ROOT, "alice");
      assertThat(f.identity.authenticate("alice", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.DISABLED);
      assertThat(f.tokens.check(token).principal()).isEmpty();
      assertThat(f.identity.getUser(ROOT, "alice").disabled()).isTrue();
      f.identity.enableUser(ROOT, "alice");
      assertThat(f.identity.authenticate("alice", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);
      // A10: a token is bound to its user's revision; re-enabling does not revive an old token.
      assertThat(f.tokens.check(token).principal()).isEmpty();
      Secret fresh =
          f.tokens.issue(new Principal("alice", Set.of()), java.time.Duration.ofMinutes(5)).token();
      assertThat(f.tokens.check(fresh).principal()).isPresent();
      assertThatThrownBy(() -> f.identity.disableUser(ROOT, "nobody"))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @EveryDatabaseTest
  void a2_anAdministratorSetsAOneTimePasswordAfterConfirmingTheirOwn(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", null, null, null);
      Secret chosen = Secret.of("provisional lantern phrase");
      assertThatThrownBy(
              () ->
                  f.identity.setPassword(
                      ROOT,
                      Secret.of("not root's password"),
                      "alice",
                      chosen,
                      PasswordChange.REQUIRED))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("authenticatedUserPassword");
                assertThat(e.rules()).containsExactly("current-password");
              });
      assertThatThrownBy(
              () ->
                  f.identity.setPassword(
                      ROOT,
                      Secret.of(ROOT_PASSWORD),
                      "alice",
                      Secret.of("short"),
                      PasswordChange.REQUIRED))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
      assertThat(f.identity.authenticate("alice", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.SUCCESS);

      f.identity.setPassword(
          ROOT, Secret.of(ROOT_PASSWORD), "alice", chosen, PasswordChange.REQUIRED);
      assertThat(f.identity.authenticate("alice", chosen).outcome())
          .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
      assertThat(f.identity.authenticate("alice", Secret.of(GOOD)).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(checker.asked).contains(check(ResourceType.USER, Permission.UPDATE, "alice"));
    }
  }

  @EveryDatabaseTest
  void membershipsAreAddedOnceAndRemoved(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", null, null, null);
      f.identity.createGroup(ROOT, "clerks", "Clerks");
      f.identity.addMembership(ROOT, "alice", "clerks");
      f.identity.addMembership(ROOT, "alice", "clerks");
      assertThat(f.identity.findUsers(ROOT, UserQuery.all().memberOf("clerks")).total())
          .isEqualTo(1);
      f.identity.removeMembership(ROOT, "alice", "clerks");
      assertThat(f.identity.findUsers(ROOT, UserQuery.all().memberOf("clerks")).total()).isZero();
      assertThatThrownBy(() -> f.identity.removeMembership(ROOT, "alice", "clerks"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.identity.addMembership(ROOT, "nobody", "clerks"))
          .isInstanceOf(NotFoundException.class);

      f.identity.createTenant(ROOT, "north", "North");
      assertThatThrownBy(() -> f.identity.addTenantUser(ROOT, "north", "nobody"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.identity.addTenantGroup(ROOT, "south", "clerks"))
          .isInstanceOf(NotFoundException.class);
      f.identity.addTenantGroup(ROOT, "north", "clerks");
      f.identity.addTenantGroup(ROOT, "north", "clerks");
      f.identity.removeTenantGroup(ROOT, "north", "clerks");
      assertThatThrownBy(() -> f.identity.removeTenantUser(ROOT, "north", "alice"))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @EveryDatabaseTest
  void w8_userQueriesFilterSortPageAndCount(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.user("ann", "Ann", "Zorn", "ann@example.org");
      f.user("bob", "Bob", "Young", "bob@example.com");
      f.user("cid", "Cid", "Xu", "cid@example.org");
      f.identity.createGroup(ROOT, "clerks", "Clerks");
      f.identity.addMembership(ROOT, "ann", "clerks");
      f.identity.addMembership(ROOT, "cid", "clerks");
      f.identity.createTenant(ROOT, "north", "North");
      f.identity.addTenantUser(ROOT, "north", "bob");

      var page = f.identity.findUsers(ROOT, UserQuery.all().page(1, 2));
      assertThat(page.total()).isEqualTo(4);
      assertThat(page.items()).extracting(User::id).containsExactly("bob", "cid");
      assertThat(
              f.identity
                  .findUsers(
                      ROOT, UserQuery.all().orderBy(UserQuery.Sort.LAST_NAME, SortOrder.DESC))
                  .items())
          .extracting(User::id)
          .containsExactly("root", "ann", "bob", "cid");
      assertThat(ids(f, UserQuery.all().memberOf("clerks"))).containsExactly("ann", "cid");
      assertThat(
              ids(
                  f,
                  new UserQuery(
                      null, null, null, null, null, null, null, "%.org", null, null, null, null, 0,
                      10)))
          .containsExactly("ann", "cid");
      assertThat(
              ids(
                  f,
                  new UserQuery(
                      null,
                      Set.of("bob", "cid", "zed"),
                      null,
                      "C%",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      0,
                      10)))
          .containsExactly("cid");
      assertThat(
              ids(
                  f,
                  new UserQuery(
                      null, null, null, null, null, null, null, null, null, "north", null, null, 0,
                      10)))
          .containsExactly("bob");
      assertThat(
              ids(
                  f,
                  new UserQuery(
                      "ann",
                      null,
                      "Ann",
                      null,
                      "Zorn",
                      null,
                      "ann@example.org",
                      null,
                      null,
                      null,
                      null,
                      null,
                      0,
                      10)))
          .containsExactly("ann");

      assertThat(f.identity.findUsers(ROOT, UserQuery.all().page(0, 2000)).items()).hasSize(4);
    }
  }

  @EveryDatabaseTest
  void w8_badPagesAreRefusedNamingTheField(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      expectPage("firstResult", () -> f.identity.findUsers(ROOT, UserQuery.all().page(-1, 10)));
      expectPage("maxResults", () -> f.identity.findUsers(ROOT, UserQuery.all().page(0, 0)));
      expectPage("maxResults", () -> f.identity.findUsers(ROOT, UserQuery.all().page(0, 2001)));
      expectPage("firstResult", () -> f.identity.findGroups(ROOT, GroupQuery.all().page(-5, 10)));
      expectPage("maxResults", () -> f.identity.findTenants(ROOT, TenantQuery.all().page(0, 2001)));
      assertThat(checker.listed).isEmpty();
    }
  }

  private static List<String> ids(Fixture f, UserQuery query) {
    return f.identity.findUsers(ROOT, query).items().stream().map(User::id).toList();
  }

  private static void expectPage(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @EveryDatabaseTest
  void w8_groupAndTenantQueriesFilterPageAndCount(TestDatabase db) {
    try (Fixture f = new Fixture(db)) {
      f.user("alice", null, null, null);
      f.identity.createGroup(ROOT, "clerks", "Clerks", "WORKFLOW");
      f.identity.createGroup(ROOT, "admins2", "Admins", "SYSTEM");
      f.identity.createGroup(ROOT, "cooks", "Cooks", "WORKFLOW");
      f.identity.addMembership(ROOT, "alice", "cooks");
      Group renamed = f.identity.updateGroup(ROOT, "cooks", "Chefs", "WORKFLOW");
      assertThat(renamed.name()).isEqualTo("Chefs");

      assertThat(
              f.identity
                  .findGroups(
                      ROOT,
                      new GroupQuery(
                          null,
                          null,
                          null,
                          "C%",
                          "WORKFLOW",
                          null,
                          null,
                          GroupQuery.Sort.NAME,
                          SortOrder.DESC,
                          0,
                          10))
                  .items())
          .extracting(Group::id)
          .containsExactly("clerks", "cooks");
      assertThat(f.identity.findGroups(ROOT, GroupQuery.all().withMember("alice")).items())
          .extracting(Group::id)
          .containsExactly("cooks");
      var groups = f.identity.findGroups(ROOT, GroupQuery.all().page(0, 1));
      assertThat(groups.total()).isEqualTo(3);
      assertThat(groups.items()).hasSize(1);

      f.identity.createTenant(ROOT, "north", "North");
      f.identity.createTenant(ROOT, "south", "South");
      f.identity.addTenantGroup(ROOT, "south", "cooks");
      f.identity.addTenantUser(ROOT, "north", "alice");
      f.identity.updateTenant(ROOT, "south", "Southern");
      assertThat(
              tenants(f, TenantQuery.all().withUserMember("alice", TenantQuery.MemberMatch.DIRECT)))
          .containsExactly("north");
      assertThat(
              tenants(
                  f,
                  TenantQuery.all()
                      .withUserMember("alice", TenantQuery.MemberMatch.INCLUDING_GROUPS)))
          .containsExactly("north", "south");
      assertThat(tenants(f, TenantQuery.all().withGroupMember("cooks"))).containsExactly("south");
      assertThat(
              tenants(
                  f,
                  new TenantQuery(null, null, null, "Sou%", null, null, null, null, null, 0, 10)))
          .containsExactly("south");
      assertThat(f.identity.findTenants(ROOT, TenantQuery.all()).total()).isEqualTo(2);
      assertThat(
              f.identity
                  .findGroups(
                      ROOT,
                      new GroupQuery(
                          null, null, null, null, null, null, "south", null, null, 0, 10))
                  .items())
          .extracting(Group::id)
          .containsExactly("cooks");
    }
  }

  private static List<String> tenants(Fixture f, TenantQuery query) {
    return f.identity.findTenants(ROOT, query).items().stream().map(t -> t.id()).toList();
  }
}
