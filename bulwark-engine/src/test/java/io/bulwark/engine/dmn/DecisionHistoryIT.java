package io.bulwark.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.DecisionEvaluation;
import io.bulwark.engine.api.DecisionService;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery.Details;
import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SensitiveValue;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decision history (issue 14) with the real checker on H2 and PostgreSQL: both evaluation paths
 * (business rule task and the decision API) write a decision instance with its inputs and outputs
 * in the evaluating command; the list filters in SQL on READ_HISTORY of the decision key and, for
 * decisions of a process instance, on the instance's history (Z2, Z3); counts equal the list; a
 * sensitive variable's value is never kept (D1); history level and retention apply (D5).
 */
class DecisionHistoryIT {

  private static final Principal ADMIN =
      Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");
  private static final Principal DORA = Principal.user("dora");

  @TempDir Path keys;

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="d_check" targetNamespace="http://bulwark.io/test">
        <bpmn:process id="check" isExecutable="true" camunda:historyTimeToLive="%s">
          <bpmn:startEvent id="s"/>
          <bpmn:businessRuleTask id="decide" camunda:decisionRef="limits"
              camunda:resultVariable="r" camunda:mapDecisionResult="resultList"/>
          <bpmn:endEvent id="e"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="decide"/>
          <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static BulwarkEngine build(HikariDataSource dataSource, BulwarkEngineBuilder builder) {
    BulwarkEngine engine =
        builder.dataSource(dataSource).jobExecutor(JobExecutorActivation.OFF).build();
    engine.identityService().ensureInitialAdministrator();
    return engine;
  }

  private static void deploy(BulwarkEngine engine, String timeToLive) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(
        "limits.dmn",
        DecisionServiceIT.table("limits", "Limits", "RULE ORDER").getBytes(StandardCharsets.UTF_8));
    resources.put("check.bpmn", PROCESS.formatted(timeToLive).getBytes(StandardCharsets.UTF_8));
    engine.repositoryService().deploy(ADMIN, new DeploymentRequest("check", resources, null));
  }

  private static String start(BulwarkEngine engine, double amount) {
    return engine
        .runtimeService()
        .startProcessInstance(
            ADMIN, StartInstanceRequest.byKey("check").withVariables(Map.of("amount", amount)))
        .id();
  }

  private static void evaluate(BulwarkEngine engine, double amount) {
    engine
        .decisionService()
        .evaluate(ADMIN, DecisionEvaluation.byKey("limits", null, Map.of("amount", amount)));
  }

  private static HistoricDecisionInstanceQuery query() {
    return HistoricDecisionInstanceQuery.all();
  }

  /** The list, after checking that its total equals its length and the count of a 1-row page. */
  private static List<HistoricDecisionInstance> list(
      DecisionService decisions, Principal principal, HistoricDecisionInstanceQuery query) {
    var page = decisions.findHistoricDecisionInstances(principal, query);
    assertThat(page.total()).isEqualTo(page.items().size());
    assertThat(decisions.findHistoricDecisionInstances(principal, query.page(0, 1)).total())
        .isEqualTo(page.items().size());
    return page.items();
  }

  /** A query with these filters, all others absent; sorted by evaluation time. */
  private static HistoricDecisionInstanceQuery where(
      String instanceId,
      String processKey,
      List<String> activityIds,
      List<String> tenantIds,
      Instant after,
      Instant before) {
    return new HistoricDecisionInstanceQuery(
        null,
        null,
        null,
        instanceId,
        processKey,
        activityIds,
        tenantIds,
        after,
        before,
        null,
        null,
        null,
        0,
        10);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void issue14_bothEvaluationPathsWriteDecisionHistoryWithInputsAndOutputs(
      EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource, BulwarkEngine.builder())) {
      deploy(engine, "P30D");
      String instanceId = start(engine, 100);
      evaluate(engine, 900.5);

      List<HistoricDecisionInstance> all =
          list(engine.decisionService(), ADMIN, query().with(new Details(true, true)));
      assertThat(all).hasSize(2);
      HistoricDecisionInstance task = all.get(0);
      assertThat(task.decisionDefinitionKey()).isEqualTo("limits");
      assertThat(task.decisionDefinitionName()).isEqualTo("Limits");
      assertThat(task.decisionDefinitionVersion()).isEqualTo(1);
      assertThat(task.processInstanceId()).isEqualTo(instanceId);
      assertThat(task.processDefinitionKey()).isEqualTo("check");
      assertThat(task.processDefinitionId()).isNotNull();
      assertThat(task.activityId()).isEqualTo("decide");
      assertThat(task.activityInstanceId()).isNotNull();
      assertThat(task.userId()).isNull();
      assertThat(task.rootDecisionInstanceId()).isNull();
      assertThat(task.inputs())
          .singleElement()
          .satisfies(
              input -> {
                assertThat(input.clauseId()).isEqualTo("in1");
                assertThat(input.clauseName()).isEqualTo("Amount");
                assertThat(input.value()).isEqualTo(100.0);
              });
      assertThat(task.outputs())
          .extracting(
              HistoricDecisionInstance.Output::ruleId,
              HistoricDecisionInstance.Output::ruleOrder,
              HistoricDecisionInstance.Output::clauseId,
              HistoricDecisionInstance.Output::variableName,
              HistoricDecisionInstance.Output::value)
          .containsExactly(
              tuple("small", 1, "out1", "result", "small"),
              tuple("small", 1, "out2", "limit", 250L),
              tuple("any", 2, "out1", "result", "any"),
              tuple("any", 2, "out2", "limit", 0L));
      HistoricDecisionInstance api = all.get(1);
      assertThat(api.processInstanceId()).isNull();
      assertThat(api.activityId()).isNull();
      assertThat(api.userId()).isEqualTo(IdentityService.INITIAL_ADMINISTRATOR);
      assertThat(api.inputs())
          .extracting(HistoricDecisionInstance.Input::value)
          .containsExactly(900.5);
      assertThat(api.outputs()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_decisionHistoryIsFilteredSortedAndPagedInSql(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource, BulwarkEngine.builder())) {
      DecisionService decisions = engine.decisionService();
      deploy(engine, "P30D");
      Instant before = Instant.now().minusSeconds(1);
      String instanceId = start(engine, 100);
      evaluate(engine, 900.5);
      Instant after = Instant.now().plusSeconds(1);
      List<HistoricDecisionInstance> all = list(decisions, ADMIN, query());
      HistoricDecisionInstance task = all.get(0);
      HistoricDecisionInstance api = all.get(1);

      assertThat(list(decisions, ADMIN, where(instanceId, null, null, null, null, null)))
          .singleElement()
          .satisfies(h -> assertThat(h.inputs()).isNull());
      assertThat(
              list(
                  decisions,
                  ADMIN,
                  new HistoricDecisionInstanceQuery(
                      api.id(),
                      api.decisionDefinitionId(),
                      "limits",
                      null,
                      null,
                      null,
                      null,
                      before,
                      after,
                      null,
                      null,
                      null,
                      0,
                      10)))
          .extracting(HistoricDecisionInstance::id)
          .containsExactly(api.id());
      assertThat(
              list(
                  decisions,
                  ADMIN,
                  new HistoricDecisionInstanceQuery(
                      null, null, "other", null, null, null, null, null, null, null, null, null, 0,
                      10)))
          .isEmpty();
      assertThat(
              list(
                  decisions, ADMIN, where(null, "check", List.of("decide", "x"), null, null, null)))
          .extracting(HistoricDecisionInstance::id)
          .containsExactly(task.id());
      assertThat(list(decisions, ADMIN, where(null, null, null, List.of("t1"), null, null)))
          .isEmpty();
      assertThat(list(decisions, ADMIN, where(null, null, null, null, null, before))).isEmpty();
      assertThat(list(decisions, ADMIN, where(null, null, null, null, after, null))).isEmpty();
      assertThat(
              list(
                  decisions,
                  ADMIN,
                  query()
                      .orderBy(HistoricDecisionInstanceQuery.Sort.EVALUATION_TIME, SortOrder.DESC)))
          .extracting(HistoricDecisionInstance::id)
          .containsExactly(api.id(), task.id());
      assertThat(decisions.findHistoricDecisionInstances(ADMIN, query().page(1, 1)).items())
          .extracting(HistoricDecisionInstance::id)
          .containsExactly(api.id());
      assertThat(
              decisions
                  .getHistoricDecisionInstance(ADMIN, task.id(), new Details(false, true))
                  .outputs())
          .hasSize(4);
      assertThatThrownBy(() -> decisions.findHistoricDecisionInstances(ADMIN, query().page(0, 0)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("maxResults");
    }
  }

  /** A DRD: {@code dish} requires {@code season}, a literal expression. */
  private static final String DRD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drd" name="DRD"
          namespace="http://bulwark.io/test">
        <decision id="season" name="Season">
          <variable id="v1" name="season" typeRef="string"/>
          <literalExpression id="le1">
            <text>if month &lt; 6 then "spring" else "autumn"</text>
          </literalExpression>
        </decision>
        <decision id="dish" name="Dish">
          <informationRequirement id="ir1"><requiredDecision href="#season"/></informationRequirement>
          <decisionTable id="dt2" hitPolicy="RULE ORDER">
            <input id="din" label="Season">
              <inputExpression id="die" typeRef="string"><text>season</text></inputExpression>
            </input>
            <output id="dout" name="dish" typeRef="string"/>
            <rule id="r1">
              <inputEntry id="r1i"><text>"spring"</text></inputEntry>
              <outputEntry id="r1o"><text>"salad"</text></outputEntry>
            </rule>
            <rule id="r2">
              <inputEntry id="r2i"><text>-</text></inputEntry>
              <outputEntry id="r2o"><text>"stew"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void issue14_aRequiredDecisionIsItsOwnInstanceNamingTheRoot(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource, BulwarkEngine.builder())) {
      engine
          .repositoryService()
          .deploy(
              ADMIN, DeploymentRequest.of("drd", "drd.dmn", DRD.getBytes(StandardCharsets.UTF_8)));
      engine
          .decisionService()
          .evaluate(ADMIN, DecisionEvaluation.byKey("dish", null, Map.of("month", 3L)));

      List<HistoricDecisionInstance> all =
          list(engine.decisionService(), ADMIN, query().with(new Details(true, true)));
      assertThat(all).hasSize(2);
      HistoricDecisionInstance dish =
          all.stream().filter(h -> h.decisionDefinitionKey().equals("dish")).findFirst().get();
      HistoricDecisionInstance season =
          all.stream().filter(h -> h.decisionDefinitionKey().equals("season")).findFirst().get();
      assertThat(dish.rootDecisionInstanceId()).isNull();
      assertThat(season.rootDecisionInstanceId()).isEqualTo(dish.id());
      assertThat(season.decisionDefinitionName()).isEqualTo("Season");
      assertThat(season.outputs())
          .extracting(
              HistoricDecisionInstance.Output::variableName, HistoricDecisionInstance.Output::value)
          .containsExactly(tuple("season", "spring"));
      assertThat(dish.inputs())
          .extracting(HistoricDecisionInstance.Input::value)
          .containsExactly("spring");
      assertThat(dish.outputs())
          .extracting(
              HistoricDecisionInstance.Output::ruleId, HistoricDecisionInstance.Output::value)
          .containsExactly(tuple("r1", "salad"), tuple("r2", "stew"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_decisionHistoryIsFilteredByReadHistoryOnTheDecisionAndOnTheInstance(
      EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource, BulwarkEngine.builder())) {
      DecisionService decisions = engine.decisionService();
      deploy(engine, "P30D");
      start(engine, 100);
      evaluate(engine, 900.5);
      String hidden = list(decisions, ADMIN, query()).get(0).id();

      assertThat(list(decisions, DORA, query())).isEmpty();
      assertThatThrownBy(() -> decisions.getHistoricDecisionInstance(DORA, hidden, Details.none()))
          .isInstanceOf(NotFoundException.class);

      String rule = grant(engine, "DECISION_DEFINITION", "limits", "READ");
      assertThat(list(decisions, DORA, query())).isEmpty();
      engine
          .authorizationService()
          .updateRule(
              ADMIN,
              rule,
              NewAuthorizationRule.grantToUser(
                  "dora", "DECISION_DEFINITION", "limits", "READ", "READ_HISTORY"));
      // The decision of the instance stays hidden: DORA may not read the instance's history.
      assertThat(list(decisions, DORA, query()))
          .singleElement()
          .satisfies(h -> assertThat(h.processInstanceId()).isNull());
      assertThatThrownBy(() -> decisions.getHistoricDecisionInstance(DORA, hidden, Details.none()))
          .isInstanceOf(NotFoundException.class);

      grant(engine, "PROCESS_DEFINITION", "check", "READ_HISTORY");
      assertThat(list(decisions, DORA, query())).hasSize(2);
      assertThat(decisions.getHistoricDecisionInstance(DORA, hidden, Details.none()).id())
          .isEqualTo(hidden);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void d1_aSensitiveVariablesValueIsNeverKeptInDecisionHistory(EngineDatabase database)
      throws SQLException {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine =
            build(
                dataSource,
                BulwarkEngine.builder()
                    .sensitiveVariables(Set.of("amount"))
                    .fieldKeyStore(keys, Secret.of("Corvid-Lantern-58".toCharArray())))) {
      DecisionService decisions = engine.decisionService();
      deploy(engine, "P30D");
      start(engine, 123.25);
      evaluate(engine, 456.75);

      List<HistoricDecisionInstance> all =
          list(decisions, ADMIN, query().with(new Details(true, true)));
      assertThat(all).hasSize(2);
      for (HistoricDecisionInstance h : all) {
        assertThat(h.inputs())
            .extracting(HistoricDecisionInstance.Input::value)
            .singleElement()
            .isInstanceOfSatisfying(
                SensitiveValue.class, v -> assertThat(v.type()).isEqualTo("double"));
        assertThat(h.outputs())
            .isNotEmpty()
            .allSatisfy(o -> assertThat(o.value()).isInstanceOf(SensitiveValue.class));
      }
      assertThat(
              count(
                  dataSource,
                  "SELECT COUNT(*) FROM bw_hi_decision_value WHERE masked = FALSE"
                      + " OR text_value IS NOT NULL OR long_value IS NOT NULL"
                      + " OR double_value IS NOT NULL OR bytes_value IS NOT NULL"))
          .isZero();
      // 123.25 matches two rules (one input, four outputs), 456.75 one (one input, two outputs).
      assertThat(count(dataSource, "SELECT COUNT(*) FROM bw_hi_decision_value")).isEqualTo(8);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void d5_historyLevelAndRetentionApplyToDecisionHistory(EngineDatabase database)
      throws SQLException {
    try (HikariDataSource dataSource = database.open()) {
      try (BulwarkEngine engine =
          build(dataSource, BulwarkEngine.builder().historyLevel(HistoryLevel.ACTIVITY))) {
        deploy(engine, "0");
        start(engine, 100);
        evaluate(engine, 100);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM bw_hi_decision_instance")).isZero();
      }
      try (BulwarkEngine engine =
          build(
              dataSource,
              BulwarkEngine.builder()
                  .historyRetention(
                      new HistoryRetentionSettings(Duration.ZERO, Duration.ofHours(1), 100)))) {
        start(engine, 100);
        evaluate(engine, 100);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM bw_hi_decision_instance")).isEqualTo(2);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM bw_hi_decision_value")).isEqualTo(10);
        var jobs =
            engine
                .managementService()
                .listJobs(
                    ADMIN,
                    new io.bulwark.engine.api.JobFilter(
                        null,
                        null,
                        null,
                        io.bulwark.engine.job.JobHandler.HISTORY_CLEANUP,
                        null,
                        null),
                    0,
                    10);
        assertThat(jobs).hasSize(1);
        engine.managementService().executeJob(ADMIN, jobs.get(0).id());
        assertThat(count(dataSource, "SELECT COUNT(*) FROM bw_hi_decision_instance")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM bw_hi_decision_value")).isZero();
      }
    }
  }

  private static String grant(BulwarkEngine engine, String type, String key, String permission) {
    return engine
        .authorizationService()
        .createRule(ADMIN, NewAuthorizationRule.grantToUser("dora", type, key, permission))
        .id();
  }

  private static long count(HikariDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
