package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's {@code /history/decision-instance} over real HTTPS (issue 14): a decision evaluated
 * by a business rule task and one evaluated through the API, listed, counted and read with inputs
 * and outputs in Camunda's shape; 401 without credentials, 404 and empty lists for a user without
 * READ_HISTORY (Z3), 400 problems without internals for hostile parameters (W5, W8, W11). Every
 * answer is checked against Camunda's OpenAPI document by {@link RestTestClient}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionHistoryRestIT {

  private static final String PATH = "/engine-rest/history/decision-instance";

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;
  String key;
  String instanceId;

  @BeforeEach
  void evaluateTwice() throws Exception {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
    key = "dec" + RestTestClient.suffix();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(key + ".dmn", DecisionRestIT.table(key).getBytes(StandardCharsets.UTF_8));
    resources.put(key + ".bpmn", process(key).getBytes(StandardCharsets.UTF_8));
    engine
        .repositoryService()
        .deploy(RestTestClient.SETUP, new DeploymentRequest("d-" + key, resources, null));
    instanceId =
        engine
            .runtimeService()
            .startProcessInstance(
                RestTestClient.SETUP,
                StartInstanceRequest.byKey("p" + key).withVariables(Map.of("amount", 100.0)))
            .id();
    HttpResponse<String> evaluated =
        rest.send(
            "POST",
            "/engine-rest/decision-definition/key/" + key + "/evaluate",
            admin,
            "{\"variables\":{\"amount\":{\"value\":600,\"type\":\"Double\"}}}");
    assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
  }

  /** Process {@code p<key>}: a business rule task evaluating the decision, then the end. */
  private static String process(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="d_p%s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="p%s" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:businessRuleTask id="decide" camunda:decisionRef="%s"
                camunda:resultVariable="size" camunda:mapDecisionResult="singleEntry"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="decide"/>
            <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, key, key);
  }

  @Test
  void decisionsOfBothPathsAreListedCountedAndReadInCamundasShape() throws Exception {
    JsonNode list =
        json(
            rest.send(
                "GET",
                PATH
                    + "?decisionDefinitionKey="
                    + key
                    + "&includeInputs=true&includeOutputs=true&disableBinaryFetching=true"
                    + "&sortBy=evaluationTime&sortOrder=asc&firstResult=0&maxResults=10",
                admin,
                null));
    assertThat(list).hasSize(2);
    JsonNode task = list.get(0);
    assertThat(task.get("decisionDefinitionKey").asString()).isEqualTo(key);
    assertThat(task.get("decisionDefinitionName").asString()).isEqualTo("Size " + key);
    assertThat(task.get("processInstanceId").asString()).isEqualTo(instanceId);
    assertThat(task.get("processDefinitionKey").asString()).isEqualTo("p" + key);
    assertThat(task.get("activityId").asString()).isEqualTo("decide");
    assertThat(task.get("activityInstanceId").isString()).isTrue();
    assertThat(task.get("userId").isNull()).isTrue();
    assertThat(task.get("evaluationTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    JsonNode input = task.get("inputs").get(0);
    assertThat(input.get("clauseId").asString()).isEqualTo("in1");
    assertThat(input.get("clauseName").asString()).isEqualTo("Amount");
    assertThat(input.get("type").asString()).isEqualTo("Double");
    assertThat(input.get("value").asDouble()).isEqualTo(100.0);
    assertThat(input.get("decisionInstanceId").asString()).isEqualTo(task.get("id").asString());
    JsonNode output = task.get("outputs").get(0);
    assertThat(output.get("ruleId").asString()).isEqualTo("small");
    assertThat(output.get("ruleOrder").asInt()).isEqualTo(1);
    assertThat(output.get("clauseId").asString()).isEqualTo("out1");
    assertThat(output.get("variableName").asString()).isEqualTo("size");
    assertThat(output.get("type").asString()).isEqualTo("String");
    assertThat(output.get("value").asString()).isEqualTo("small");

    JsonNode api = list.get(1);
    assertThat(api.get("processInstanceId").isNull()).isTrue();
    assertThat(api.get("userId").asString()).isEqualTo(admin[0]);
    assertThat(api.get("outputs").get(0).get("value").asString()).isEqualTo("large");

    assertThat(
            json(rest.send("GET", PATH + "/count?decisionDefinitionKey=" + key, admin, null))
                .get("count")
                .asLong())
        .isEqualTo(2);
    JsonNode one =
        json(
            rest.send(
                "GET",
                PATH + "?processInstanceId=" + instanceId + "&activityIdIn=decide,other",
                admin,
                null));
    assertThat(one).hasSize(1);
    assertThat(one.get(0).get("inputs").isNull()).isTrue();
    HttpResponse<String> byId =
        rest.send(
            "GET", PATH + "/" + api.get("id").asString() + "?includeOutputs=true", admin, null);
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(json(byId).get("outputs")).hasSize(1);
    assertThat(json(byId).get("inputs").isNull()).isTrue();
    assertThat(
            json(rest.send(
                    "GET",
                    PATH
                        + "/count?decisionDefinitionKey="
                        + key
                        + "&evaluatedAfter=2099-01-01T00:00:00.000%2B0000",
                    admin,
                    null))
                .get("count")
                .asLong())
        .isZero();
  }

  @Test
  void a1_z3_withoutCredentials401AndWithoutReadHistory404() throws Exception {
    String id =
        json(rest.send("GET", PATH + "?decisionDefinitionKey=" + key, admin, null))
            .get(0)
            .get("id")
            .asString();
    for (String path : List.of(PATH, PATH + "/count", PATH + "/" + id)) {
      assertThat(rest.send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
    }
    String[] dora = rest.newUser("dora");
    assertThat(rest.send("GET", PATH + "/" + id, dora, null).statusCode()).isEqualTo(404);
    assertThat(rest.send("GET", PATH + "/no-such-id", admin, null).statusCode()).isEqualTo(404);
    assertThat(rest.send("GET", PATH + "?decisionDefinitionKey=" + key, dora, null).body())
        .isEqualTo("[]");
    engine
        .authorizationService()
        .createRule(
            RestTestClient.SETUP,
            NewAuthorizationRule.grantToUser(dora[0], "DECISION_DEFINITION", key, "READ_HISTORY"));
    // The decision of the process instance stays hidden: dora may not read its history (Z3).
    JsonNode seen = json(rest.send("GET", PATH + "?decisionDefinitionKey=" + key, dora, null));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).get("processInstanceId").isNull()).isTrue();
    assertThat(rest.send("GET", PATH + "/" + id, dora, null).statusCode()).isEqualTo(404);
    assertThat(
            json(rest.send("GET", PATH + "/count?decisionDefinitionKey=" + key, dora, null))
                .get("count")
                .asLong())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?sortBy=evaluationTime%20DESC;DROP%20TABLE%20x",
        "?sortBy=decisionDefinitionKey",
        "?sortOrder=sideways",
        "?maxResults=99999999999999",
        "?maxResults=abc",
        "?firstResult=-5",
        "?includeInputs=maybe",
        "?evaluatedAfter=yesterday",
        "?evaluatedBefore=1%27%20OR%201=1",
        "?caseInstanceId=x",
        "?userId=x",
        "?decisionDefinitionKey=a&decisionDefinitionKey=b",
        "/count?includeInputs=true",
        "/count?rootDecisionInstancesOnly=true",
        "/some-id?decisionDefinitionKey=x",
      })
  void w5_w8_w11_hostileParametersAre400WithoutInternals(String query) throws Exception {
    String path = PATH + query;
    HttpResponse<String> answer = rest.send("GET", path, admin, null);
    assertThat(answer.statusCode()).as(path).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(answer.body()).doesNotContain("DROP").doesNotContain("Exception");
  }
}
