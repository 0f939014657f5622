package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
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
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's process definition, process instance and message resources over real HTTPS: shapes,
 * starting with typed variables, instance variables, correlation; 401 without credentials, 404 for
 * what the caller may not read (Z3), 400 problems for hostile input (E4, W5, W8, W11).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessRestIT {

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
    key = "p" + RestTestClient.suffix();
    definition =
        engine
            .repositoryService()
            .deploy(
                RestTestClient.SETUP,
                DeploymentRequest.of(
                    "d-" + key,
                    key + ".bpmn",
                    model(key, "go-" + key).getBytes(StandardCharsets.UTF_8)))
            .processDefinitions()
            .get(0);
  }

  /** Start, wait for message {@code message}, then a user task. */
  static String model(String key, String message) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="d_%s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%s" name="Process %s" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:messageEventDefinition messageRef="m"/>
            </bpmn:intermediateCatchEvent>
            <bpmn:userTask id="task" name="Task"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="task"/>
            <bpmn:sequenceFlow id="f3" sourceRef="task" targetRef="e"/>
          </bpmn:process>
          <bpmn:message id="m" name="%s"/>
        </bpmn:definitions>
        """
        .formatted(key, key, key, message);
  }

  String start(String businessKey) throws Exception {
    HttpResponse<String> started =
        rest.send(
            "POST",
            "/engine-rest/process-definition/key/" + key + "/start",
            admin,
            "{\"businessKey\":\""
                + businessKey
                + "\",\"variables\":{"
                + "\"amount\":{\"value\":42,\"type\":\"Integer\"},"
                + "\"due\":{\"value\":\"2024-01-31T13:45:00.000+0100\",\"type\":\"Date\"},"
                + "\"order\":{\"value\":\"{\\\"lines\\\":[1,2]}\",\"type\":\"Json\"}},"
                + "\"withVariablesInReturn\":true}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = json(started);
    assertThat(instance.get("definitionId").asString()).isEqualTo(definition.id());
    assertThat(instance.get("businessKey").asString()).isEqualTo(businessKey);
    assertThat(instance.get("ended").asBoolean()).isFalse();
    assertThat(instance.get("variables").get("amount").toString())
        .isEqualTo("{\"value\":42,\"type\":\"Long\",\"valueInfo\":{}}");
    assertThat(instance.get("variables").get("due").get("value").asString())
        .isEqualTo("2024-01-31T12:45:00.000+0000");
    assertThat(instance.get("variables").get("order").get("type").asString()).isEqualTo("Json");
    return instance.get("id").asString();
  }

  @Test
  void definitionsAreListedReadAndAnsweredWithTheirXml() throws Exception {
    JsonNode list =
        json(rest.send("GET", "/engine-rest/process-definition?key=" + key, admin, null));
    assertThat(list.size()).isEqualTo(1);
    JsonNode listed = list.get(0);
    assertThat(listed.get("id").asString()).isEqualTo(definition.id());
    assertThat(listed.get("name").asString()).isEqualTo("Process " + key);
    assertThat(listed.get("version").asInt()).isEqualTo(1);
    assertThat(listed.get("resource").asString()).isEqualTo(key + ".bpmn");
    assertThat(listed.get("suspended").asBoolean()).isFalse();
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/process-definition/count?latestVersion=true&keysIn=" + key + ",x",
                    admin,
                    null)
                .body())
        .isEqualTo("{\"count\":1}");
    assertThat(
            json(rest.send(
                    "GET", "/engine-rest/process-definition/" + definition.id(), admin, null))
                .get("key")
                .asString())
        .isEqualTo(key);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-definition/key/" + key, admin, null))
                .get("id")
                .asString())
        .isEqualTo(definition.id());
    JsonNode xml =
        json(rest.send("GET", "/engine-rest/process-definition/key/" + key + "/xml", admin, null));
    assertThat(xml.get("id").asString()).isEqualTo(definition.id());
    assertThat(xml.get("bpmn20Xml").asString()).contains("<bpmn:process id=\"" + key + "\"");
    assertThat(
            rest.send("GET", "/engine-rest/process-definition/key/no-such-key", admin, null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void instancesAreListedReadAndDeleted() throws Exception {
    String id = start("order-1");
    JsonNode list =
        json(
            rest.send(
                "GET", "/engine-rest/process-instance?processDefinitionKey=" + key, admin, null));
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("id").asString()).isEqualTo(id);
    assertThat(list.get(0).get("definitionId").asString()).isEqualTo(definition.id());
    assertThat(list.get(0).has("variables")).isFalse();
    assertThat(
            rest.send(
                    "POST",
                    "/engine-rest/process-instance/count",
                    admin,
                    "{\"processInstanceIds\":[\""
                        + id
                        + "\",\"other\"],\"businessKey\":\"order-1\"}")
                .body())
        .isEqualTo("{\"count\":1}");
    JsonNode queried =
        json(
            rest.send(
                "POST",
                "/engine-rest/process-instance?maxResults=5",
                admin,
                "{\"processDefinitionKey\":\""
                    + key
                    + "\","
                    + "\"sorting\":[{\"sortBy\":\"instanceId\",\"sortOrder\":\"desc\"}]}"));
    assertThat(queried.get(0).get("id").asString()).isEqualTo(id);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-instance/" + id, admin, null))
                .get("businessKey")
                .asString())
        .isEqualTo("order-1");

    JsonNode tree =
        json(
            rest.send(
                "GET", "/engine-rest/process-instance/" + id + "/activity-instances", admin, null));
    assertThat(tree.get("id").asString()).isEqualTo(id);
    assertThat(tree.get("activityType").asString()).isEqualTo("processDefinition");
    assertThat(tree.get("processDefinitionId").asString()).isEqualTo(definition.id());
    assertThat(tree.get("childActivityInstances").get(0).get("activityId").asString())
        .isEqualTo("wait");
    assertThat(tree.get("childTransitionInstances").isArray()).isTrue();
    String suspended = "/engine-rest/process-instance/" + id + "/suspended";
    assertThat(rest.send("PUT", suspended, admin, "{\"suspended\":true}").statusCode())
        .isEqualTo(204);
    assertThat(
            json(rest.send("GET", "/engine-rest/process-instance/" + id, admin, null))
                .get("suspended")
                .asBoolean())
        .isTrue();
    assertThat(
            rest.send(
                    "POST",
                    "/engine-rest/message",
                    admin,
                    "{\"messageName\":\"go-" + key + "\",\"processInstanceId\":\"" + id + "\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(rest.send("PUT", suspended, admin, "{\"suspended\":false}").statusCode())
        .isEqualTo(204);
    assertThat(rest.send("PUT", suspended, admin, "{}").statusCode()).isEqualTo(400);
    assertThat(rest.send("DELETE", "/engine-rest/process-instance/" + id, admin, null).statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", "/engine-rest/process-instance/" + id, admin, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void instanceVariablesAreReadSetModifiedAndDeleted() throws Exception {
    String id = start("order-2");
    String base = "/engine-rest/process-instance/" + id + "/variables";
    JsonNode all = json(rest.send("GET", base, admin, null));
    assertThat(all.get("amount").get("value").asLong()).isEqualTo(42);

    assertThat(
            rest.send("PUT", base + "/note", admin, "{\"value\":\"urgent\",\"type\":\"String\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", base + "/note", admin, null).body())
        .isEqualTo("{\"value\":\"urgent\",\"type\":\"String\",\"valueInfo\":{}}");
    assertThat(
            rest.send(
                    "POST",
                    base,
                    admin,
                    "{\"modifications\":{\"amount\":{\"value\":7.5,\"type\":\"Double\"},"
                        + "\"flag\":{\"value\":true}},\"deletions\":[\"order\"]}")
                .statusCode())
        .isEqualTo(204);
    JsonNode after = json(rest.send("GET", base, admin, null));
    assertThat(after.get("amount").get("type").asString()).isEqualTo("Double");
    assertThat(after.get("flag").get("type").asString()).isEqualTo("Boolean");
    assertThat(after.has("order")).isFalse();
    assertThat(rest.send("DELETE", base + "/note", admin, null).statusCode()).isEqualTo(204);
    assertThat(rest.send("GET", base + "/note", admin, null).statusCode()).isEqualTo(404);
  }

  @Test
  void e4_w11_hostileVariablesAre400NamingTheVariable() throws Exception {
    String id = start("order-3");
    String base = "/engine-rest/process-instance/" + id + "/variables";
    HttpResponse<String> serialized =
        rest.send(
            "PUT",
            base + "/payload",
            admin,
            "{\"value\":\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==\",\"type\":\"Object\",\"valueInfo\":"
                + "{\"objectTypeName\":\"java.util.HashMap\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}");
    assertThat(serialized.statusCode()).isEqualTo(400);
    assertThat(json(serialized).get("detail").asString())
        .contains("variable 'payload'")
        .contains("E4");
    HttpResponse<String> unknown =
        rest.send("PUT", base + "/payload", admin, "{\"value\":1,\"type\":\"Decimal\"}");
    assertThat(json(unknown).get("message").asString())
        .contains("variable 'payload' has unknown type 'Decimal'");
    String deep = "[".repeat(100) + "]".repeat(100);
    HttpResponse<String> tooDeep =
        rest.send("PUT", base + "/payload", admin, "{\"value\":" + deep + ",\"type\":\"Json\"}");
    assertThat(tooDeep.statusCode()).isEqualTo(400);
    assertThat(tooDeep.body()).doesNotContain("Exception").doesNotContain("jackson");
    HttpResponse<String> huge =
        rest.send("PUT", base + "/n", admin, "{\"value\":1e999999,\"type\":\"Integer\"}");
    assertThat(huge.statusCode()).isEqualTo(400);
    HttpResponse<String> badName = rest.send("PUT", base + "/x'%3BDROP", admin, "{\"value\":1}");
    assertThat(badName.statusCode()).isEqualTo(400);
    assertThat(badName.body()).doesNotContain("DROP");
  }

  @Test
  void messagesCorrelateToOneOrAllWaitingInstances() throws Exception {
    String first = start("m-1");
    String second = start("m-2");
    String message = "go-" + key;
    HttpResponse<String> ambiguous =
        rest.send("POST", "/engine-rest/message", admin, "{\"messageName\":\"" + message + "\"}");
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    HttpResponse<String> one =
        rest.send(
            "POST",
            "/engine-rest/message",
            admin,
            "{\"messageName\":\""
                + message
                + "\",\"processInstanceId\":\""
                + first
                + "\","
                + "\"processVariables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}},"
                + "\"resultEnabled\":true,\"variablesInResultEnabled\":true}");
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    JsonNode result = json(one).get(0);
    assertThat(result.get("resultType").asString()).isEqualTo("Execution");
    assertThat(result.get("execution").get("processInstanceId").asString()).isEqualTo(first);
    assertThat(result.get("variables").get("approved").get("value").asBoolean()).isTrue();

    String third = start("m-3");
    HttpResponse<String> all =
        rest.send(
            "POST",
            "/engine-rest/message",
            admin,
            "{\"messageName\":\"" + message + "\",\"all\":true}");
    assertThat(all.statusCode()).isEqualTo(204);
    assertThat(engine.runtimeService().getActiveActivityIds(RestTestClient.SETUP, second))
        .containsExactly("task");
    assertThat(engine.runtimeService().getActiveActivityIds(RestTestClient.SETUP, third))
        .containsExactly("task");
    assertThat(
            rest.send("POST", "/engine-rest/message", admin, "{\"messageName\":\"nobody-waits\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a1_z3_withoutCredentials401AndOthersInstancesAndDefinitions404() throws Exception {
    String id = start("secret");
    for (String path :
        new String[] {
          "/engine-rest/process-definition",
          "/engine-rest/process-instance/" + id,
          "/engine-rest/process-instance/" + id + "/variables",
          "/engine-rest/version",
        }) {
      assertThat(rest.send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(
            rest.send("POST", "/engine-rest/message", null, "{\"messageName\":\"x\"}").statusCode())
        .isEqualTo(401);

    String[] dora = rest.newUser("dora");
    for (String path :
        new String[] {
          "/engine-rest/process-definition/" + definition.id(),
          "/engine-rest/process-definition/key/" + key,
          "/engine-rest/process-definition/" + definition.id() + "/xml",
          "/engine-rest/process-instance/" + id,
          "/engine-rest/process-instance/" + id + "/variables",
          "/engine-rest/process-instance/" + id + "/variables/amount",
          "/engine-rest/process-instance/" + id + "/activity-instances",
        }) {
      HttpResponse<String> answer = rest.send("GET", path, dora, null);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
    }
    assertThat(rest.send("GET", "/engine-rest/process-instance", dora, null).body())
        .isEqualTo("[]");
    assertThat(rest.send("DELETE", "/engine-rest/process-instance/" + id, dora, null).statusCode())
        .isEqualTo(404);
    assertThat(
            rest.send("POST", "/engine-rest/process-definition/key/" + key + "/start", dora, "{}")
                .statusCode())
        .isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/process-definition?sortBy=key%20DESC;DROP%20TABLE%20x",
        "/engine-rest/process-definition?version=abc",
        "/engine-rest/process-definition?maxResults=99999999999999",
        "/engine-rest/process-definition?latestVersion=maybe",
        "/engine-rest/process-instance?sortBy=businessKey",
        "/engine-rest/process-instance?firstResult=-5",
        "/engine-rest/process-instance?active=true&suspended=true",
      })
  void w5_w8_hostileParametersAre400WithoutInternals(String path) throws Exception {
    HttpResponse<String> answer = rest.send("GET", path, admin, null);
    assertThat(answer.statusCode()).as(path).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(answer.body()).doesNotContain("DROP").doesNotContain("Exception");
  }

  @Test
  void w5_wrongBodyTypesAre400() throws Exception {
    for (String body :
        new String[] {
          "{\"variables\":[1,2]}",
          "{\"businessKey\":{\"a\":1}}",
          "{\"variables\":{\"a\":\"not an object\"}}",
          "not json",
        }) {
      HttpResponse<String> answer =
          rest.send("POST", "/engine-rest/process-definition/key/" + key + "/start", admin, body);
      assertThat(answer.statusCode()).as(body).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("Exception");
    }
  }
}
