package io.bulwark.engine.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.LocationDecision;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.LocationRule.Effect;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LocationRuleSet;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Location rules through the engine API with the real checker on H2 and PostgreSQL: the default
 * set, first match with {@code ?}, {@code *}, {@code @}, user and group rules, the implicit deny
 * (Z4), explain (Z8), a change seen by a second engine on its next call, lockout prevention (Z5).
 */
class LocationRuleServiceIT {

  private static final Logger LOG = LoggerFactory.getLogger(LocationRuleServiceIT.class);

  private static final Principal ADMIN =
      Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z4_theDefaultSetKeepsPublicPagesPublicAndTheRestForSignedInUsers(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      LocationRuleSet rules = engine.locationRuleService().ruleSetIfChanged(-1).orElseThrow();

      assertThat(rules.decide("/app/login", null, Set.of()).rule()).contains("public-login");
      assertThat(rules.decide("/app/assets/app.css", null, Set.of()).allowed()).isTrue();
      assertThat(rules.decide("/", null, Set.of()).allowed()).isTrue();
      for (String path : List.of("/app/", "/app/tasklist", "/engine-rest/task", "/internal/x")) {
        LocationDecision anonymous = rules.decide(path, null, Set.of());
        assertThat(anonymous.allowed()).as(path).isFalse();
        assertThat(anonymous.rule()).isEqualTo(LocationDecision.IMPLICIT_DENY);
        assertThat(rules.decide(path, "anna", Set.of()).allowed()).as(path).isTrue();
      }
      assertThat(rules.decide("/elsewhere", "anna", Set.of()).rule())
          .isEqualTo(LocationDecision.IMPLICIT_DENY);
      assertThat(rules.decide("/app/login/", null, Set.of()).allowed()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z4_theFirstMatchingRuleDecidesForUsersGroupsAndSpecialPrincipals(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      engine.identityService().ensureInitialAdministrator();
      LocationRuleService rules = engine.locationRuleService();
      LocationRule denyDora =
          rules.createRule(ADMIN, rule("/engine-rest/task/**", Effect.DENY, "user:dora"), 0);
      LocationRule allowClerks =
          rules.createRule(ADMIN, rule("/engine-rest/report/*", Effect.ALLOW, "group:clerks"), 1);
      LocationRule denyEveryoneReports =
          rules.createRule(ADMIN, rule("/engine-rest/report/**", Effect.DENY, "*"), 2);
      LocationRule anonymousStatus =
          rules.createRule(ADMIN, rule("/engine-rest/status", Effect.ALLOW, "?"), 3);

      assertThat(denyDora.position()).isZero();
      assertThat(rules.findRules(ADMIN).subList(0, 4))
          .containsExactly(denyDora, allowClerks, denyEveryoneReports, anonymousStatus);
      assertThat(rules.explain(ADMIN, "dora", "/engine-rest/task/t1").decidingRule())
          .isEqualTo(denyDora);
      assertThat(rules.explain(ADMIN, "otto", "/engine-rest/task/t1").rule())
          .contains("integration-api");
      assertThat(rules.explain(ADMIN, "otto", "/engine-rest/report/r1").decidingRule())
          .isEqualTo(denyEveryoneReports);
      LocationRuleSet set = rules.ruleSetIfChanged(-1).orElseThrow();
      assertThat(set.decide("/engine-rest/report/r1", "otto", Set.of("clerks")).decidingRule())
          .isEqualTo(allowClerks);
      assertThat(set.decide("/engine-rest/report/r1/x", "otto", Set.of("clerks")).allowed())
          .isFalse();
      assertThat(set.decide("/engine-rest/status", null, Set.of()).decidingRule())
          .isEqualTo(anonymousStatus);
      assertThat(set.decide("/engine-rest/status", "otto", Set.of()).rule())
          .contains("integration-api");

      rules.reorderRules(ADMIN, movedToEnd(rules.findRules(ADMIN), denyDora.id()));
      assertThat(rules.explain(ADMIN, "dora", "/engine-rest/task/t1").allowed()).isTrue();
      rules.updateRule(ADMIN, denyDora.id(), rule("/engine-rest/**", Effect.ALLOW, "@"));
      rules.deleteRule(ADMIN, denyDora.id());
      assertThat(rules.findRules(ADMIN)).doesNotContain(denyDora);
      assertThatThrownBy(() -> rules.deleteRule(ADMIN, denyDora.id()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z4_aChangeCountsOnTheNextCallOfASecondEngine(EngineDatabase database) {
    try (HikariDataSource first = database.open();
        HikariDataSource second = sameDatabase(first);
        BulwarkEngine one = build(first);
        BulwarkEngine two = build(second)) {
      one.identityService().ensureInitialAdministrator();
      LocationRuleSet seen = two.locationRuleService().ruleSetIfChanged(-1).orElseThrow();
      assertThat(two.locationRuleService().ruleSetIfChanged(seen.version())).isEmpty();

      LocationRule deny =
          one.locationRuleService()
              .createRule(ADMIN, rule("/app/cockpit/**", Effect.DENY, "user:dora"), 0);

      LocationRuleSet fresh =
          two.locationRuleService().ruleSetIfChanged(seen.version()).orElseThrow();
      assertThat(fresh.version()).isGreaterThan(seen.version());
      assertThat(fresh.decide("/app/cockpit/x", "dora", Set.of()).decidingRule()).isEqualTo(deny);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z5_aChangeThatLocksTheAdministratorsOutIsRefused(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      engine.identityService().ensureInitialAdministrator();
      LocationRuleService rules = engine.locationRuleService();
      List<LocationRule> before = rules.findRules(ADMIN);

      assertThatThrownBy(
              () -> rules.createRule(ADMIN, rule("/engine-rest/**", Effect.DENY, "@"), 0))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("Z5");
      assertThatThrownBy(() -> rules.deleteRule(ADMIN, "integration-api"))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(
              () ->
                  rules.updateRule(
                      ADMIN,
                      "integration-api",
                      rule("/engine-rest/location-rule/**", Effect.ALLOW, "@")))
          .isInstanceOf(ConflictException.class);
      assertThat(rules.findRules(ADMIN)).isEqualTo(before);

      LocationRule others =
          rules.createRule(
              ADMIN, rule("/engine-rest/authorization/**", Effect.DENY, "user:dora"), 0);
      assertThat(rules.findRules(ADMIN)).hasSize(before.size() + 1).contains(others);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2"})
  void z4_onlyAdministratorsManageRulesAndBadInputIsRefused(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      engine.identityService().ensureInitialAdministrator();
      LocationRuleService rules = engine.locationRuleService();
      Principal eve = Principal.user("eve");

      assertThatThrownBy(() -> rules.findRules(eve))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> rules.createRule(eve, rule("/x", Effect.ALLOW, "*"), null))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> rules.explain(eve, "eve", "/app/"))
          .isInstanceOf(AuthorizationDeniedException.class);
      for (String pattern : List.of("", "app", "/app/**/x", "/app/%2e", "/a b", "/app/*x")) {
        assertThatThrownBy(() -> rule(pattern, Effect.ALLOW, "*"))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("pattern");
      }
      for (String principal : List.of("", "anyone", "user:", "group:a b", "user:x;y")) {
        assertThatThrownBy(() -> rule("/x", Effect.ALLOW, principal))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("principal");
      }
      assertThatThrownBy(() -> rules.createRule(ADMIN, rule("/x", Effect.ALLOW, "*"), 99))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("position");
      assertThatThrownBy(() -> rules.reorderRules(ADMIN, List.of("public-home")))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> rules.explain(ADMIN, "eve", "app"))
          .isInstanceOf(ValidationException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z4_measuresTheVersionReadOfEveryRequest(EngineDatabase database) throws SQLException {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      LocationRuleService rules = engine.locationRuleService();
      long version = rules.ruleSetIfChanged(-1).orElseThrow().version();
      for (int i = 0; i < 2_000; i++) {
        assertThat(rules.ruleSetIfChanged(version)).isEmpty();
      }
      int calls = 10_000;
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        rules.ruleSetIfChanged(version);
      }
      double micros = (System.nanoTime() - start) / 1_000.0 / calls;
      start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement();
            ResultSet one = s.executeQuery("SELECT 1")) {
          assertThat(one.next()).isTrue();
        }
      }
      double floor = (System.nanoTime() - start) / 1_000.0 / calls;
      LOG.info(
          "Z4 location rule version read on {}: {} us per request (a bare pooled SELECT 1: {} us)",
          database,
          Math.round(micros),
          Math.round(floor));
      assertThat(rules.ruleSetIfChanged(version)).isEmpty();
    }
  }

  private static NewLocationRule rule(String pattern, Effect effect, String principal) {
    return new NewLocationRule(pattern, effect, principal);
  }

  private static List<String> movedToEnd(List<LocationRule> rules, String id) {
    List<String> ids = new ArrayList<>(rules.stream().map(LocationRule::id).toList());
    ids.remove(id);
    ids.add(id);
    return ids;
  }

  private static HikariDataSource sameDatabase(HikariDataSource first) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    config.setJdbcUrl(first.getJdbcUrl());
    config.setUsername(first.getUsername());
    config.setPassword(first.getPassword());
    return new HikariDataSource(config);
  }

  private static BulwarkEngine build(HikariDataSource dataSource) {
    return BulwarkEngine.builder()
        .dataSource(dataSource)
        .jobExecutor(JobExecutorActivation.OFF)
        .build();
  }
}
