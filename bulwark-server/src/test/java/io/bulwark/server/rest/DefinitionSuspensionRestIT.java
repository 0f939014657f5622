package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Suspending and activating process definitions over real HTTPS ({@code PUT
 * /process-definition/{id}/suspended}, {@code PUT /process-definition/key/{key}/suspended}; issue
 * 14): a suspended definition answers {@code suspended: true} and cannot be started (409), its
 * instances follow with {@code includeProcessInstances}; 401 without credentials, 404 for a
 * definition the caller may not read (Z2), 403 without UPDATE, 400 problems for bad bodies (W5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefinitionSuspensionRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;
  String key;
  ProcessDefinition definition;

  @BeforeEach
  void deploy() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
    key = "sus" + RestTestClient.suffix();
    definition =
        engine
            .repositoryService()
            .deploy(
                RestTestClient.SETUP,
                DeploymentRequest.of(
                    "d-" + key,
                    key + ".bpmn",
                    ProcessRestIT.model(key, "go-" + key).getBytes(StandardCharsets.UTF_8)))
            .processDefinitions()
            .get(0);
  }

  @Test
  void aSuspendedDefinitionIsAnsweredSuspendedAndCannotBeStartedUntilActivated() throws Exception {
    String byId = "/engine-rest/process-definition/" + definition.id();
    assertThat(rest.send("PUT", byId + "/suspended", admin, "{\"suspended\":true}").statusCode())
        .isEqualTo(204);
    assertThat(json(rest.send("GET", byId, admin, null)).get("suspended").asBoolean()).isTrue();
    assertThat(
            json(rest.send("GET", "/engine-rest/process-definition?key=" + key, admin, null))
                .get(0)
                .get("suspended")
                .asBoolean())
        .isTrue();

    HttpResponse<String> refused =
        rest.send("POST", "/engine-rest/process-definition/key/" + key + "/start", admin, "{}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(json(refused).get("message").asString()).contains("is suspended");
    assertThat(rest.send("POST", byId + "/start", admin, "{}").statusCode()).isEqualTo(409);
    assertThat(
            rest.send("POST", "/engine-rest/message", admin, "{\"messageName\":\"nobody\"}")
                .statusCode())
        .isEqualTo(404);

    assertThat(rest.send("PUT", byId + "/suspended", admin, "{\"suspended\":false}").statusCode())
        .isEqualTo(204);
    assertThat(json(rest.send("GET", byId, admin, null)).get("suspended").asBoolean()).isFalse();
    assertThat(rest.send("POST", byId + "/start", admin, "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void suspendingAKeyWithItsInstancesSuspendsEveryVersionAndRunningInstance() throws Exception {
    String instance =
        json(rest.send(
                "POST", "/engine-rest/process-definition/key/" + key + "/start", admin, "{}"))
            .get("id")
            .asString();
    String byKey = "/engine-rest/process-definition/key/" + key + "/suspended";

    assertThat(
            rest.send("PUT", byKey, admin, "{\"suspended\":true,\"includeProcessInstances\":true}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-instance/" + instance, admin, null))
                .get("suspended")
                .asBoolean())
        .isTrue();
    assertThat(
            json(rest.send("GET", "/engine-rest/process-definition/key/" + key, admin, null))
                .get("suspended")
                .asBoolean())
        .isTrue();

    assertThat(
            rest.send(
                    "PUT", byKey, admin, "{\"suspended\":false,\"includeProcessInstances\":false}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-instance/" + instance, admin, null))
                .get("suspended")
                .asBoolean())
        .as("instances stay suspended unless includeProcessInstances")
        .isTrue();
    assertThat(
            rest.send("PUT", byKey, admin, "{\"suspended\":false,\"includeProcessInstances\":true}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-instance/" + instance, admin, null))
                .get("suspended")
                .asBoolean())
        .isFalse();
  }

  @Test
  void a1_z2_withoutCredentials401OthersDefinition404AndWithoutUpdate403() throws Exception {
    String byId = "/engine-rest/process-definition/" + definition.id() + "/suspended";
    String byKey = "/engine-rest/process-definition/key/" + key + "/suspended";
    String body = "{\"suspended\":true}";
    assertThat(rest.send("PUT", byId, null, body).statusCode()).isEqualTo(401);
    assertThat(rest.send("PUT", byKey, null, body).statusCode()).isEqualTo(401);

    String[] dora = rest.newUser("dora");
    assertThat(rest.send("PUT", byId, dora, body).statusCode()).isEqualTo(404);
    assertThat(rest.send("PUT", byKey, dora, body).statusCode()).isEqualTo(404);

    var rule =
        engine
            .authorizationService()
            .createRule(
                RestTestClient.SETUP,
                NewAuthorizationRule.grantToUser(dora[0], "PROCESS_DEFINITION", key, "READ"));
    assertThat(rest.send("PUT", byId, dora, body).statusCode()).isEqualTo(403);
    assertThat(rest.send("PUT", byKey, dora, body).statusCode()).isEqualTo(403);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-definition/" + definition.id(), dora, null))
                .get("suspended")
                .asBoolean())
        .isFalse();

    engine
        .authorizationService()
        .updateRule(
            RestTestClient.SETUP,
            rule.id(),
            NewAuthorizationRule.grantToUser(dora[0], "PROCESS_DEFINITION", key, "READ", "UPDATE"));
    assertThat(rest.send("PUT", byKey, dora, body).statusCode()).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"suspended\":null}",
        "{\"suspended\":\"maybe\"}",
        "{\"suspended\":true,\"executionDate\":\"2030-01-01T00:00:00.000+0000\"}",
        "{\"suspended\":true,\"includeProcessInstances\":\"1 OR 1=1\"}",
        "{\"suspended\":1e999}",
        "{\"suspended\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[true]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        "not json",
      })
  void w5_badBodiesAre400ProblemsWithoutInternals(String body) throws Exception {
    for (String path :
        new String[] {
          "/engine-rest/process-definition/" + definition.id() + "/suspended",
          "/engine-rest/process-definition/key/" + key + "/suspended"
        }) {
      HttpResponse<String> answer = rest.send("PUT", path, admin, body);
      assertThat(answer.statusCode()).as(body).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
      assertThat(answer.body()).doesNotContain("DROP").doesNotContain("Exception");
    }
    assertThat(
            json(rest.send(
                    "GET", "/engine-rest/process-definition/" + definition.id(), admin, null))
                .get("suspended")
                .asBoolean())
        .isFalse();
  }
}
