package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's decision definition resource over real HTTPS (issue 14): list, count, get by id and
 * key, the DMN XML, evaluation with typed variables; 401 without credentials, 404 for a decision
 * the caller may not read (Z3), 403 for evaluation without CREATE_INSTANCE, 400 problems without
 * internals for hostile parameters and inputs (W5, W8, W11). Every answer is checked against
 * Camunda's OpenAPI document by {@link RestTestClient}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;
  String key;
  String deploymentId;

  @BeforeEach
  void deploy() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
    key = "dec" + RestTestClient.suffix();
    deploymentId =
        engine
            .repositoryService()
            .deploy(
                RestTestClient.SETUP,
                DeploymentRequest.of(
                    "d-" + key, key + ".dmn", table(key).getBytes(StandardCharsets.UTF_8)))
            .id();
  }

  /** A UNIQUE table: amount below 250 is "small", from 250 "large", 1000 matches both (fails). */
  static String table(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_%s"
            name="Test" namespace="http://bulwark.io/test">
          <decision id="%s" name="Size %s">
            <decisionTable id="table_%s" hitPolicy="UNIQUE">
              <input id="in1" label="Amount">
                <inputExpression id="ie1" typeRef="double"><text>amount</text></inputExpression>
              </input>
              <output id="out1" name="size" typeRef="string"/>
              <rule id="small">
                <inputEntry id="small_in"><text>&lt; 250</text></inputEntry>
                <outputEntry id="small_out"><text>"small"</text></outputEntry>
              </rule>
              <rule id="large">
                <inputEntry id="large_in"><text>&gt;= 250</text></inputEntry>
                <outputEntry id="large_out"><text>"large"</text></outputEntry>
              </rule>
              <rule id="round">
                <inputEntry id="round_in"><text>1000</text></inputEntry>
                <outputEntry id="round_out"><text>"round"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(key, key, key, key);
  }

  private static String amount(String value) {
    return "{\"variables\":{\"amount\":{\"value\":" + value + ",\"type\":\"Double\"}}}";
  }

  @Test
  void definitionsAreListedCountedReadAndAnsweredWithTheirXml() throws Exception {
    JsonNode list =
        json(rest.send("GET", "/engine-rest/decision-definition?key=" + key, admin, null));
    assertThat(list).hasSize(1);
    JsonNode definition = list.get(0);
    String id = definition.get("id").asString();
    assertThat(definition.get("key").asString()).isEqualTo(key);
    assertThat(definition.get("name").asString()).isEqualTo("Size " + key);
    assertThat(definition.get("version").asInt()).isEqualTo(1);
    assertThat(definition.get("resource").asString()).isEqualTo(key + ".dmn");
    assertThat(definition.get("deploymentId").asString()).isEqualTo(deploymentId);
    assertThat(definition.get("decisionRequirementsDefinitionId").isNull()).isTrue();

    assertThat(
            json(rest.send(
                    "GET",
                    "/engine-rest/decision-definition/count?keyLike="
                        + key.substring(0, 5)
                        + "%25&latestVersion=true",
                    admin,
                    null))
                .get("count")
                .asLong())
        .isEqualTo(1);
    assertThat(
            json(rest.send(
                    "GET",
                    "/engine-rest/decision-definition?nameLike=Size%25&sortBy=version"
                        + "&sortOrder=desc&firstResult=0&maxResults=500&deploymentId="
                        + deploymentId,
                    admin,
                    null))
                .get(0)
                .get("id")
                .asString())
        .isEqualTo(id);
    assertThat(
            json(rest.send("GET", "/engine-rest/decision-definition/" + id, admin, null))
                .get("key")
                .asString())
        .isEqualTo(key);
    assertThat(
            json(rest.send("GET", "/engine-rest/decision-definition/key/" + key, admin, null))
                .get("id")
                .asString())
        .isEqualTo(id);
    for (String path :
        new String[] {
          "/engine-rest/decision-definition/" + id + "/xml",
          "/engine-rest/decision-definition/key/" + key + "/xml"
        }) {
      JsonNode xml = json(rest.send("GET", path, admin, null));
      assertThat(xml.get("id").asString()).isEqualTo(id);
      assertThat(xml.get("dmnXml").asString()).contains("<decision id=\"" + key + "\"");
    }
  }

  @Test
  void aDmnFileDeploysThroughTheModelersMultipartFormAndDownloadsAsXml() throws Exception {
    String modeled = "m" + key;
    Multipart form =
        new Multipart()
            .field("deployment-name", "deployment-" + modeled)
            .field("deployment-source", "Camunda Modeler")
            .field("enable-duplicate-filtering", "true")
            .file(
                modeled + ".dmn",
                modeled + ".dmn",
                table(modeled).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> deployed =
        rest.send(
            HttpRequest.newBuilder(rest.server().uri("/engine-rest/deployment/create"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())),
            admin);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deployment = json(deployed).get("id").asString();
    assertThat(
            json(rest.send(
                    "GET",
                    "/engine-rest/decision-definition?deploymentId=" + deployment,
                    admin,
                    null))
                .get(0)
                .get("key")
                .asString())
        .isEqualTo(modeled);
    String resource =
        json(rest.send("GET", "/engine-rest/deployment/" + deployment + "/resources", admin, null))
            .get(0)
            .get("id")
            .asString();
    HttpResponse<byte[]> data =
        rest.sendForBytes(
            "/engine-rest/deployment/" + deployment + "/resources/" + resource + "/data", admin);
    assertThat(data.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(data.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
  }

  @Test
  void aDecisionIsEvaluatedByIdAndKeyWithTypedVariables() throws Exception {
    String id =
        json(rest.send("GET", "/engine-rest/decision-definition/key/" + key, admin, null))
            .get("id")
            .asString();
    HttpResponse<String> small =
        rest.send(
            "POST", "/engine-rest/decision-definition/" + id + "/evaluate", admin, amount("100"));
    assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
    JsonNode result = json(small);
    assertThat(result).hasSize(1);
    assertThat(result.get(0).properties()).hasSize(1);
    assertThat(result.get(0).get("size").get("value").asString()).isEqualTo("small");
    assertThat(result.get(0).get("size").get("type").asString()).isEqualTo("String");
    JsonNode large =
        json(
            rest.send(
                "POST",
                "/engine-rest/decision-definition/key/" + key + "/evaluate",
                admin,
                amount("600")));
    assertThat(large.get(0).get("size").get("value").asString()).isEqualTo("large");

    HttpResponse<String> failing =
        rest.send(
            "POST",
            "/engine-rest/decision-definition/key/" + key + "/evaluate",
            admin,
            amount("1000"));
    assertThat(failing.statusCode()).isEqualTo(400);
    assertThat(failing.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(json(failing).get("message").asString())
        .contains("decision " + key + " failed")
        .doesNotContain("Exception")
        .doesNotContain("org.camunda")
        .doesNotContain("Impl");
  }

  @Test
  void a1_z3_withoutCredentials401OthersDecisions404AndEvaluationNeedsCreateInstance()
      throws Exception {
    String id =
        json(rest.send("GET", "/engine-rest/decision-definition/key/" + key, admin, null))
            .get("id")
            .asString();
    String[] reads = {
      "/engine-rest/decision-definition/" + id,
      "/engine-rest/decision-definition/key/" + key,
      "/engine-rest/decision-definition/" + id + "/xml",
      "/engine-rest/decision-definition/key/" + key + "/xml",
    };
    String evaluate = "/engine-rest/decision-definition/key/" + key + "/evaluate";
    assertThat(rest.send("GET", "/engine-rest/decision-definition", null, null).statusCode())
        .isEqualTo(401);
    assertThat(rest.send("POST", evaluate, null, amount("1")).statusCode()).isEqualTo(401);

    String[] dora = rest.newUser("dora");
    for (String path : reads) {
      assertThat(rest.send("GET", path, dora, null).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(rest.send("POST", evaluate, dora, amount("1")).statusCode()).isEqualTo(404);
    assertThat(rest.send("GET", "/engine-rest/decision-definition?key=" + key, dora, null).body())
        .isEqualTo("[]");

    var rule =
        engine
            .authorizationService()
            .createRule(
                RestTestClient.SETUP,
                NewAuthorizationRule.grantToUser(dora[0], "DECISION_DEFINITION", key, "READ"));
    for (String path : reads) {
      assertThat(rest.send("GET", path, dora, null).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(rest.send("POST", evaluate, dora, amount("1")).statusCode()).isEqualTo(403);
    engine
        .authorizationService()
        .updateRule(
            RestTestClient.SETUP,
            rule.id(),
            NewAuthorizationRule.grantToUser(
                dora[0], "DECISION_DEFINITION", key, "READ", "START_INSTANCE"));
    assertThat(rest.send("POST", evaluate, dora, amount("1")).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?sortBy=key%20DESC;DROP%20TABLE%20x",
        "?sortBy=category",
        "?sortOrder=sideways",
        "?version=abc",
        "?version=99999999999999",
        "?maxResults=99999999999999",
        "?firstResult=-5",
        "?latestVersion=maybe",
        "/count?version=1%20OR%201=1",
        "?versionTag=1.0",
        "?key=a&key=b",
      })
  void w5_w8_hostileParametersAre400WithoutInternals(String query) throws Exception {
    String path = "/engine-rest/decision-definition" + query;
    HttpResponse<String> answer = rest.send("GET", path, admin, null);
    assertThat(answer.statusCode()).as(path).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(answer.body()).doesNotContain("DROP").doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"variables\":{\"amount\":{\"value\":\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==\","
            + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
            + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}",
        "{\"variables\":{\"amount\":{\"value\":1e999999,\"type\":\"Integer\"}}}",
        "{\"variables\":{\"amount\":{\"value\":\"abc\",\"type\":\"Decimal\"}}}",
        "{\"variables\":{\"amount\":{\"value\":\"' OR 1=1 --\",\"type\":\"Double\"}}}",
        "{\"variables\":{\"x'; DROP TABLE y\":{\"value\":1}}}",
        "{\"variables\":[1,2]}",
        "{\"variables\":{\"amount\":{\"value\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"type\":\"Json\"}}}",
        "not json",
      })
  void w5_w11_hostileInputsAre400ProblemsWithoutInternals(String body) throws Exception {
    HttpResponse<String> answer =
        rest.send("POST", "/engine-rest/decision-definition/key/" + key + "/evaluate", admin, body);
    assertThat(answer.statusCode()).as(body).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(answer.body())
        .doesNotContain("DROP")
        .doesNotContain("Exception")
        .doesNotContain("java.");
  }

  @Test
  void w11_tooManyVariablesAre400NamingTheLimit() throws Exception {
    StringBuilder body = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < 1001; i++) {
      body.append(i == 0 ? "" : ",").append("\"v").append(i).append("\":{\"value\":1}");
    }
    body.append("}}");
    HttpResponse<String> answer =
        rest.send(
            "POST",
            "/engine-rest/decision-definition/key/" + key + "/evaluate",
            admin,
            body.toString());
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json(answer).get("message").asString()).contains("W11");
  }
}
