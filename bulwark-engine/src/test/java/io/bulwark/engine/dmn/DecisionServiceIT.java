package io.bulwark.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DecisionDefinitionQuery;
import io.bulwark.engine.api.DecisionEvaluation;
import io.bulwark.engine.api.DecisionService;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decision definitions listed, read and evaluated through the decision service (issue 14) with the
 * real checker on H2 and PostgreSQL: lists filtered in SQL by DECISION_DEFINITION READ (Z2),
 * unreadable ones not found (Z3), evaluation needing START_INSTANCE (Camunda's CREATE_INSTANCE),
 * inputs held to the variable limits (W11) and a failing decision a 400 naming it.
 */
class DecisionServiceIT {

  private static final Principal ADMIN =
      Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");
  private static final Principal DORA = Principal.user("dora");

  /** A decision table {@code key}: amount in, result out, with the given hit policy and rules. */
  static String table(String key, String name, String hitPolicy) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_%s"
            name="Test" namespace="http://bulwark.io/test">
          <decision id="%s" name="%s">
            <decisionTable id="table_%s" hitPolicy="%s">
              <input id="in1" label="Amount">
                <inputExpression id="ie1" typeRef="double"><text>amount</text></inputExpression>
              </input>
              <output id="out1" name="result" typeRef="string"/>
              <output id="out2" name="limit" typeRef="integer"/>
              <rule id="small">
                <inputEntry id="small_in"><text>&lt; 250</text></inputEntry>
                <outputEntry id="small_out"><text>"small"</text></outputEntry>
                <outputEntry id="small_limit"><text>250</text></outputEntry>
              </rule>
              <rule id="any">
                <inputEntry id="any_in"><text>-</text></inputEntry>
                <outputEntry id="any_out"><text>"any"</text></outputEntry>
                <outputEntry id="any_limit"><text>0</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(key, key, name, key, hitPolicy);
  }

  private static String deploy(BulwarkEngine engine, String key, String name, String hitPolicy) {
    return engine
        .repositoryService()
        .deploy(
            ADMIN,
            DeploymentRequest.of(
                "d-" + key,
                key + ".dmn",
                table(key, name, hitPolicy).getBytes(StandardCharsets.UTF_8)))
        .id();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_definitionsAreListedFilteredAndReadOnlyByReaders(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      DecisionService decisions = engine.decisionService();
      deploy(engine, "classify", "Classify one", "COLLECT");
      String second = deploy(engine, "classify", "Classify two", "RULE ORDER");
      deploy(engine, "route", "Route", "FIRST");

      DecisionDefinitionQuery all = DecisionDefinitionQuery.all();
      assertThat(decisions.findDecisionDefinitions(ADMIN, all).items())
          .extracting(DecisionDefinition::key, DecisionDefinition::version)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("classify", 1),
              org.assertj.core.groups.Tuple.tuple("classify", 2),
              org.assertj.core.groups.Tuple.tuple("route", 1));
      DecisionDefinitionQuery latestLike =
          new DecisionDefinitionQuery(
              null,
              null,
              null,
              "class%",
              null,
              "Classify%",
              null,
              true,
              null,
              null,
              DecisionDefinitionQuery.Sort.VERSION,
              SortOrder.DESC,
              0,
              10);
      List<DecisionDefinition> latest =
          decisions.findDecisionDefinitions(ADMIN, latestLike).items();
      assertThat(latest).hasSize(1);
      assertThat(latest.get(0).deploymentId()).isEqualTo(second);
      assertThat(latest.get(0).name()).isEqualTo("Classify two");
      assertThat(latest.get(0).resourceName()).isEqualTo("classify.dmn");
      assertThat(decisions.getLatestDecisionDefinition(ADMIN, "classify", null).version())
          .isEqualTo(2);
      String routeId = decisions.getLatestDecisionDefinition(ADMIN, "route", null).id();
      assertThat(
              new String(
                  decisions.getDecisionDefinitionXml(ADMIN, routeId).bytes(),
                  StandardCharsets.UTF_8))
          .contains("<decision id=\"route\"");

      assertThat(decisions.findDecisionDefinitions(DORA, all).total()).isZero();
      assertThatThrownBy(() -> decisions.getDecisionDefinition(DORA, routeId))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> decisions.getLatestDecisionDefinition(DORA, "route", null))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> decisions.getDecisionDefinitionXml(DORA, routeId))
          .isInstanceOf(NotFoundException.class);

      grant(engine, "route", "READ");
      assertThat(decisions.findDecisionDefinitions(DORA, all).items())
          .extracting(DecisionDefinition::key)
          .containsExactly("route");
      assertThat(decisions.getDecisionDefinition(DORA, routeId).key()).isEqualTo("route");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_evaluationNeedsReadThenStartInstanceAndAnswersEveryMatchedRule(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      DecisionService decisions = engine.decisionService();
      deploy(engine, "limits", "Limits", "RULE ORDER");
      DecisionEvaluation small = DecisionEvaluation.byKey("limits", null, Map.of("amount", 100L));

      assertThatThrownBy(() -> decisions.evaluate(DORA, small))
          .isInstanceOf(NotFoundException.class);
      String rule = grant(engine, "limits", "READ");
      assertThatThrownBy(() -> decisions.evaluate(DORA, small))
          .isInstanceOf(AuthorizationDeniedException.class)
          .hasMessageContaining("START_INSTANCE");
      engine
          .authorizationService()
          .updateRule(
              ADMIN,
              rule,
              NewAuthorizationRule.grantToUser(
                  "dora", "DECISION_DEFINITION", "limits", "READ", "START_INSTANCE"));

      assertThat(decisions.evaluate(DORA, small))
          .containsExactly(
              Map.of("result", "small", "limit", 250L), Map.of("result", "any", "limit", 0L));
      String id = decisions.getLatestDecisionDefinition(DORA, "limits", null).id();
      assertThat(decisions.evaluate(DORA, DecisionEvaluation.byId(id, Map.of("amount", 900.5))))
          .containsExactly(Map.of("result", "any", "limit", 0L));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w11_badInputsAndAFailingDecisionAre400NamingTheCause(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      DecisionService decisions = engine.decisionService();
      deploy(engine, "strict", "Strict", "UNIQUE");

      assertThatThrownBy(
              () ->
                  decisions.evaluate(
                      ADMIN, DecisionEvaluation.byKey("strict", null, Map.of("amount", 100L))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("decision strict failed")
          .hasMessageContaining("hit policy")
          .hasMessageNotContaining("Impl")
          .satisfies(
              e ->
                  assertThat(((ValidationException) e).rules())
                      .containsExactly("decision-evaluation"));
      assertThatThrownBy(
              () ->
                  decisions.evaluate(
                      ADMIN,
                      DecisionEvaluation.byKey("strict", null, Map.of("amount", new Object()))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("'amount'");
      Map<String, Object> badName = new HashMap<>();
      badName.put("1 OR 1=1", 5L);
      assertThatThrownBy(
              () -> decisions.evaluate(ADMIN, DecisionEvaluation.byKey("strict", null, badName)))
          .isInstanceOf(ValidationException.class);
      Map<String, Object> tooMany = new HashMap<>();
      for (int i = 0; i < 1001; i++) {
        tooMany.put("v" + i, (long) i);
      }
      assertThatThrownBy(
              () -> decisions.evaluate(ADMIN, DecisionEvaluation.byKey("strict", null, tooMany)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("W11");
      assertThat(
              decisions.evaluate(
                  ADMIN, DecisionEvaluation.byKey("strict", null, Map.of("amount", 500L))))
          .containsExactly(Map.of("result", "any", "limit", 0L));
    }
  }

  private static String grant(BulwarkEngine engine, String key, String permission) {
    return engine
        .authorizationService()
        .createRule(
            ADMIN, NewAuthorizationRule.grantToUser("dora", "DECISION_DEFINITION", key, permission))
        .id();
  }

  private static BulwarkEngine build(HikariDataSource dataSource) {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    engine.identityService().ensureInitialAdministrator();
    return engine;
  }
}
