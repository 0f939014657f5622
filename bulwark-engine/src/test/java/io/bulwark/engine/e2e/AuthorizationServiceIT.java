package io.bulwark.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.AuthorizationQuery;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules managed through the engine API (Z2), explain naming the deciding rule (Z8), and lockout
 * prevention (Z5), with the real checker on H2 and PostgreSQL.
 */
class AuthorizationServiceIT {

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z8_explainNamesTheRuleThatDecides(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      engine.identityService().ensureInitialAdministrator();
      Principal admin = Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");
      AuthorizationService rules = engine.authorizationService();

      AccessAnswer before =
          rules.explain(admin, "dora", "START_INSTANCE", "PROCESS_DEFINITION", "invoice");
      assertThat(before.granted()).isFalse();
      assertThat(before.rule()).startsWith("default deny (Z1)");

      AuthorizationRule grant =
          rules.createRule(
              admin,
              NewAuthorizationRule.grantToUser(
                  "dora", "PROCESS_DEFINITION", "invoice", "START_INSTANCE"));
      AccessAnswer after =
          rules.explain(admin, "dora", "START_INSTANCE", "PROCESS_DEFINITION", "invoice");
      assertThat(after.granted()).isTrue();
      assertThat(after.rule()).startsWith("grant " + grant.id() + " (user dora");
      assertThat(rules.explain(admin, "admin", "DELETE", "USER", "dora").rule())
          .startsWith("grant bulwark-admins-user (group bulwark-admins");
      assertThat(rules.findRule(admin, grant.id())).contains(grant);
      assertThat(rules.findRules(admin, AuthorizationQuery.all(100)).items()).contains(grant);

      rules.deleteRule(admin, grant.id());
      assertThat(
              rules
                  .explain(admin, "dora", "START_INSTANCE", "PROCESS_DEFINITION", "invoice")
                  .granted())
          .isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z5_theLastAdministrationGrantCannotBeDeleted(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      engine.identityService().ensureInitialAdministrator();
      Principal admin = Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");
      AuthorizationService rules = engine.authorizationService();

      assertThatThrownBy(() -> rules.deleteRule(admin, "bulwark-admins-authorization"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");
      assertThat(rules.findRule(admin, "bulwark-admins-authorization")).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2"})
  void z2_onlyHoldersOfAuthorizationPermissionsManageRulesAndInputIsValidated(
      EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      Principal admin = Principal.user("root", "bulwark-admins");
      AuthorizationService rules = engine.authorizationService();
      NewAuthorizationRule rule = NewAuthorizationRule.grantToUser("eve", "TASK", "*", "READ");

      assertThatThrownBy(() -> rules.createRule(Principal.user("eve"), rule))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> rules.explain(Principal.user("eve"), "eve", "READ", "TASK", "*"))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThat(rules.findRules(Principal.user("eve"), AuthorizationQuery.all(10)).total())
          .isZero();
      assertThatThrownBy(
              () ->
                  rules.createRule(
                      admin, NewAuthorizationRule.grantToUser("eve", "TASKS", "*", "READ")))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("resourceType"));
      assertThatThrownBy(
              () ->
                  rules.createRule(
                      admin, NewAuthorizationRule.grantToUser("e v", "TASK", "*", "READ")))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
      rules.createRule(admin, rule);
      assertThatThrownBy(() -> rules.createRule(admin, rule)).isInstanceOf(ConflictException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z5_theGuardCountsWhatTheRulesGrantWithRevokesAndGlobalRules(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      IdentityService identity = engine.identityService();
      identity.ensureInitialAdministrator();
      String admin = IdentityService.INITIAL_ADMINISTRATOR;
      String admins = IdentityService.ADMINISTRATORS_GROUP;
      Principal actor = Principal.user(admin, admins);
      AuthorizationService rules = engine.authorizationService();

      // A revoke that takes DELETE on the rules from the last administrator is refused.
      assertThatThrownBy(
              () ->
                  rules.createRule(
                      actor,
                      NewAuthorizationRule.revokeFromUser(admin, "AUTHORIZATION", "*", "DELETE")))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");

      // Ops holds ALL on AUTHORIZATION *, but a revoke on the same level takes DELETE back: ops
      // does not administer, so the last administrator still cannot leave.
      identity.createUser(
          actor,
          new NewUser(
              "ops", "Operations", Secret.of("Corvid-Lantern-58"), PasswordChange.REQUIRED));
      rules.createRule(actor, NewAuthorizationRule.grantToUser("ops", "AUTHORIZATION", "*", "ALL"));
      rules.createRule(
          actor, NewAuthorizationRule.revokeFromUser("ops", "AUTHORIZATION", "*", "DELETE"));
      assertThatThrownBy(() -> identity.removeMembership(actor, admin, admins))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");

      // A global rule granting ALL on AUTHORIZATION * makes every enabled user without a revoke
      // an administrator: now admin may leave the group (and still administers).
      io.bulwark.engine.authz.TestGrants.insert(
          dataSource,
          io.bulwark.engine.authz.Grant.Type.GLOBAL,
          null,
          null,
          io.bulwark.engine.authz.ResourceType.AUTHORIZATION,
          "*",
          io.bulwark.engine.authz.Permission.ALL);
      identity.removeMembership(actor, admin, admins);
      assertThat(groupsOf(identity, actor, admin)).doesNotContain(admins);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z5_theLastAdministratorCannotLeaveTheirGroupBeDisabledOrDeleted(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      IdentityService identity = engine.identityService();
      identity.ensureInitialAdministrator();
      String admin = IdentityService.INITIAL_ADMINISTRATOR;
      String admins = IdentityService.ADMINISTRATORS_GROUP;
      Principal actor = Principal.user(admin, admins);

      assertThatThrownBy(() -> identity.removeMembership(actor, admin, admins))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("removing user admin from group bulwark-admins")
          .hasMessageContaining("Z5");
      assertThatThrownBy(() -> identity.disableUser(actor, admin))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");
      assertThatThrownBy(() -> identity.deleteUser(actor, admin))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");
      assertThatThrownBy(() -> identity.deleteGroup(actor, admins))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");
      // Nothing of the refused changes is left half-done.
      assertThat(identity.findUser(admin).orElseThrow().disabled()).isFalse();
      assertThat(groupsOf(identity, actor, admin)).contains(admins);
      assertThat(engine.authorizationService().findRule(actor, "bulwark-admins-authorization"))
          .isPresent();

      // With a second administrator, the first may go.
      identity.createUser(
          actor,
          new NewUser(
              "ops", "Operations", Secret.of("Corvid-Lantern-58"), PasswordChange.REQUIRED));
      identity.addMembership(actor, "ops", admins);
      identity.removeMembership(actor, admin, admins);
      assertThat(groupsOf(identity, actor, admin)).doesNotContain(admins);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z6_deletingAUserOrGroupDeletesItsRulesAndAReusedIdStartsWithNone(EngineDatabase database)
      throws SQLException {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      IdentityService identity = engine.identityService();
      identity.ensureInitialAdministrator();
      Principal admin =
          Principal.user(
              IdentityService.INITIAL_ADMINISTRATOR, IdentityService.ADMINISTRATORS_GROUP);
      AuthorizationService rules = engine.authorizationService();
      identity.createUser(
          admin,
          new NewUser("dora", "Dora", Secret.of("Corvid-Lantern-58"), PasswordChange.REQUIRED));
      identity.createGroup(admin, "clerks", "Clerks");
      AuthorizationRule toDora =
          rules.createRule(
              admin, NewAuthorizationRule.grantToUser("dora", "PROCESS_DEFINITION", "*", "READ"));
      AuthorizationRule toClerks =
          rules.createRule(admin, NewAuthorizationRule.grantToGroup("clerks", "TASK", "*", "READ"));

      identity.deleteUser(admin, "dora");
      identity.deleteGroup(admin, "clerks");

      assertThat(rules.findRule(admin, toDora.id())).isEmpty();
      assertThat(rules.findRule(admin, toClerks.id())).isEmpty();
      assertThatThrownBy(
              () ->
                  rules.createRule(
                      admin, NewAuthorizationRule.grantToGroup("clerks", "TASK", "*", "READ")))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("group clerks was deleted")
          .hasMessageContaining("Z6");
      assertThat(rules.findRulesOfDeletedIds(admin)).isEmpty();

      // A rule written around the engine for the deleted group is found for the audit.
      try (Connection c = dataSource.getConnection();
          Statement sql = c.createStatement()) {
        sql.executeUpdate(
            "INSERT INTO bw_authorization (id, rule_type, group_id, resource_type, resource_id,"
                + " created_at, rev) VALUES ('around', 'GRANT', 'clerks', 'TASK', '*',"
                + " CURRENT_TIMESTAMP, 1)");
        sql.executeUpdate(
            "INSERT INTO bw_authorization_permission (authorization_id, permission)"
                + " VALUES ('around', 'READ')");
      }
      assertThat(rules.findRulesOfDeletedIds(admin))
          .extracting(AuthorizationRule::id)
          .containsExactly("around");
      identity.purgeDeletedId(admin, IdentityKind.USER, "dora");
      identity.createUser(
          admin,
          new NewUser(
              "dora",
              "Another Dora",
              Secret.of("Heron-Quarry-Violet-17"),
              PasswordChange.REQUIRED));
      assertThat(rules.explain(admin, "dora", "READ", "PROCESS_DEFINITION", "invoice").granted())
          .isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z8_explainAndCheckNameTheStoredRuleThatDecided(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      Principal admin = Principal.user("root", "bulwark-admins");
      AuthorizationService rules = engine.authorizationService();
      AuthorizationRule grant =
          rules.createRule(admin, NewAuthorizationRule.grantToGroup("clerks", "TASK", "*", "READ"));

      AccessAnswer explained = rules.explain(admin, "dora", "READ", "TASK", "t1");
      assertThat(explained.granted()).isFalse();
      assertThat(explained.storedRule()).isEmpty();
      AccessAnswer own = rules.check(Principal.user("dora", "clerks"), "READ", "TASK", "t1");
      assertThat(own.granted()).isTrue();
      assertThat(own.decidingRule()).isEqualTo(grant);
      AccessAnswer ownOnAll = rules.check(Principal.user("dora"), "READ", "TASK", null);
      assertThat(ownOnAll.granted()).isFalse();
      assertThat(ownOnAll.rule()).startsWith("default deny (Z1)");
      assertThat(rules.check(admin, "DELETE", "AUTHORIZATION", "x").decidingRule().id())
          .isEqualTo("bulwark-admins-authorization");
      assertThatThrownBy(() -> rules.check(admin, "ALL", "TASK", null))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("permission"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_rulesAreFoundByTheirFiltersAndCountedWithThem(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      Principal admin = Principal.user("root", "bulwark-admins");
      AuthorizationService rules = engine.authorizationService();
      AuthorizationRule toDora =
          rules.createRule(admin, NewAuthorizationRule.grantToUser("dora", "TASK", "*", "READ"));
      AuthorizationRule fromEve =
          rules.createRule(admin, NewAuthorizationRule.revokeFromUser("eve", "TASK", "t1", "READ"));

      Page<AuthorizationRule> users =
          rules.findRules(
              admin,
              new AuthorizationQuery(
                  null,
                  null,
                  Set.of("dora", "eve"),
                  null,
                  "TASK",
                  null,
                  AuthorizationQuery.Sort.RESOURCE_ID,
                  SortOrder.DESC,
                  0,
                  1));
      assertThat(users.total()).isEqualTo(2);
      assertThat(users.items()).containsExactly(fromEve);
      assertThat(
              rules
                  .findRules(
                      admin,
                      new AuthorizationQuery(
                          null, "GRANT", null, null, null, "*", null, null, 0, 100))
                  .items())
          .contains(toDora)
          .doesNotContain(fromEve)
          .hasSize(18);
      assertThat(
              rules
                  .findRules(
                      admin,
                      new AuthorizationQuery(
                          null,
                          null,
                          null,
                          Set.of("bulwark-admins"),
                          "SYSTEM",
                          null,
                          null,
                          null,
                          0,
                          10))
                  .items())
          .extracting(AuthorizationRule::id)
          .containsExactly("bulwark-admins-system");
      assertThatThrownBy(
              () ->
                  rules.findRules(
                      admin,
                      new AuthorizationQuery(
                          null, "ALLOW", null, null, null, null, null, null, 0, 10)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z5_z6_aRuleChangesWholeOrNotAtAll(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      IdentityService identity = engine.identityService();
      identity.ensureInitialAdministrator();
      Principal admin =
          Principal.user(
              IdentityService.INITIAL_ADMINISTRATOR, IdentityService.ADMINISTRATORS_GROUP);
      AuthorizationService rules = engine.authorizationService();
      AuthorizationRule grant =
          rules.createRule(admin, NewAuthorizationRule.grantToUser("dora", "TASK", "*", "READ"));

      AuthorizationRule changed =
          rules.updateRule(
              admin,
              grant.id(),
              new NewAuthorizationRule(
                  null, null, "clerks", "PROCESS_DEFINITION", "invoice", Set.of("READ_TASK")));
      assertThat(changed)
          .isEqualTo(
              new AuthorizationRule(
                  grant.id(),
                  "GRANT",
                  null,
                  "clerks",
                  "PROCESS_DEFINITION",
                  "invoice",
                  Set.of("READ_TASK")));
      assertThat(rules.findRule(admin, grant.id())).contains(changed);
      assertThat(rules.explain(admin, "dora", "READ", "TASK", "t1").granted()).isFalse();

      // Z5: moving the administrators' grant away from them is refused and changes nothing.
      assertThatThrownBy(
              () ->
                  rules.updateRule(
                      admin,
                      "bulwark-admins-authorization",
                      NewAuthorizationRule.grantToGroup("clerks", "AUTHORIZATION", "*", "ALL")))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");
      assertThat(rules.findRule(admin, "bulwark-admins-authorization").orElseThrow().groupId())
          .isEqualTo(IdentityService.ADMINISTRATORS_GROUP);

      // Z6: no rule may be moved to a deleted ID.
      identity.createGroup(admin, "temps", "Temps");
      identity.deleteGroup(admin, "temps");
      assertThatThrownBy(
              () ->
                  rules.updateRule(
                      admin,
                      grant.id(),
                      NewAuthorizationRule.grantToGroup("temps", "TASK", "*", "READ")))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z6");
      assertThatThrownBy(
              () ->
                  rules.updateRule(
                      admin,
                      grant.id(),
                      NewAuthorizationRule.revokeFromUser("dora", "TASK", "*", "READ")))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
      assertThatThrownBy(
              () ->
                  rules.updateRule(
                      admin,
                      "no-such-rule",
                      NewAuthorizationRule.grantToUser("dora", "TASK", "*", "READ")))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(
              () ->
                  rules.updateRule(
                      Principal.user("dora"),
                      grant.id(),
                      NewAuthorizationRule.grantToUser("dora", "TASK", "*", "ALL")))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThat(rules.findRule(admin, grant.id())).contains(changed);
    }
  }

  private static List<String> groupsOf(IdentityService identity, Principal actor, String userId) {
    return identity.findGroups(actor, GroupQuery.all().withMember(userId)).items().stream()
        .map(Group::id)
        .toList();
  }

  private static BulwarkEngine build(HikariDataSource dataSource) {
    return BulwarkEngine.builder()
        .dataSource(dataSource)
        .jobExecutor(JobExecutorActivation.OFF)
        .build();
  }
}
