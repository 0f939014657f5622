package io.bulwark.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AccessAnswer;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
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
      assertThat(rules.findRules(admin, 0, 100).items()).contains(grant);

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
      assertThat(rules.findRules(Principal.user("eve"), 0, 10).total()).isZero();
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

  private static BulwarkEngine build(HikariDataSource dataSource) {
    return BulwarkEngine.builder()
        .dataSource(dataSource)
        .jobExecutor(JobExecutorActivation.OFF)
        .build();
  }
}
