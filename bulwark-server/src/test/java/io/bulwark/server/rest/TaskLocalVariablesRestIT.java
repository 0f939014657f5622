package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.PROBLEM;
import static io.bulwark.server.rest.RestTestClient.SETUP;
import static io.bulwark.server.rest.RestTestClient.json;
import static io.bulwark.server.rest.RestTestClient.suffix;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Task-local variables ({@code /task/{id}/localVariables}) and the task's {@code suspended} over
 * real HTTPS (issue 14): kept on the task's own scope, seen through {@code /variables} over the
 * instance's, never process variables, ended with the task; 401 without credentials, 404 for
 * another user's task (Z3), 400 problems for hostile input (E4, W5, W11).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskLocalVariablesRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;
  String instanceId;
  String taskId;
  String task;

  @BeforeEach
  void setUp() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
    String key = "local-" + suffix();
    engine
        .repositoryService()
        .deploy(
            SETUP,
            DeploymentRequest.of(key, key + ".bpmn", model(key).getBytes(StandardCharsets.UTF_8)));
    instanceId =
        engine
            .runtimeService()
            .startProcessInstance(
                SETUP, StartInstanceRequest.byKey(key).withVariables(Map.of("customer", "ACME")))
            .id();
    taskId = firstTask();
    task = "/engine-rest/task/" + taskId;
  }

  private String firstTask() {
    return engine
        .taskService()
        .findTasks(SETUP, TaskQuery.all().ofInstance(instanceId))
        .items()
        .get(0)
        .id();
  }

  @Test
  void localVariablesStayOnTheTaskHideInstanceOnesAndEndWithIt() throws Exception {
    assertThat(
            rest.send(
                    "PUT",
                    task + "/localVariables/note",
                    admin,
                    "{\"value\":\"urgent\",\"type\":\"String\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", task + "/localVariables/note", admin, null).body())
        .isEqualTo("{\"value\":\"urgent\",\"type\":\"String\",\"valueInfo\":{}}");
    assertThat(rest.send("GET", task + "/localVariables", admin, null).body())
        .isEqualTo("{\"note\":{\"value\":\"urgent\",\"type\":\"String\",\"valueInfo\":{}}}");
    String instanceVariables = "/engine-rest/process-instance/" + instanceId + "/variables";
    assertThat(json(rest.send("GET", instanceVariables, admin, null)).has("note")).isFalse();

    var seen = json(rest.send("GET", task + "/variables", admin, null));
    assertThat(seen.get("note").get("value").asString()).isEqualTo("urgent");
    assertThat(seen.get("customer").get("value").asString()).isEqualTo("ACME");

    // A name the task holds locally is changed there through /variables too (Camunda).
    assertThat(
            rest.send(
                    "PUT",
                    task + "/variables/note",
                    admin,
                    "{\"value\":\"later\",\"type\":\"String\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            json(rest.send("GET", task + "/localVariables/note", admin, null))
                .get("value")
                .asString())
        .isEqualTo("later");
    assertThat(json(rest.send("GET", instanceVariables, admin, null)).has("note")).isFalse();

    // A local variable hides the instance's of the same name.
    assertThat(
            rest.send(
                    "POST",
                    task + "/localVariables",
                    admin,
                    "{\"modifications\":{\"customer\":{\"value\":\"Local Ltd\"},"
                        + "\"amount\":{\"value\":7,\"type\":\"Long\"}},\"deletions\":[\"note\"]}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            json(rest.send("GET", task + "/variables/customer", admin, null))
                .get("value")
                .asString())
        .isEqualTo("Local Ltd");
    assertThat(
            json(rest.send("GET", instanceVariables + "/customer", admin, null))
                .get("value")
                .asString())
        .isEqualTo("ACME");
    assertThat(rest.send("GET", task + "/localVariables/note", admin, null).statusCode())
        .isEqualTo(404);
    assertThat(rest.send("DELETE", task + "/localVariables/amount", admin, null).statusCode())
        .isEqualTo(204);
    assertThat(rest.send("DELETE", task + "/localVariables/never", admin, null).statusCode())
        .isEqualTo(204);
    assertThat(json(rest.send("GET", task + "/localVariables", admin, null)).propertyNames())
        .containsExactly("customer");

    assertThat(rest.send("POST", task + "/complete", admin, "{}").statusCode()).isEqualTo(204);
    String next = firstTask();
    assertThat(
            rest.send("GET", "/engine-rest/task/" + next + "/localVariables", admin, null).body())
        .isEqualTo("{}");
    assertThat(
            json(rest.send("GET", instanceVariables + "/customer", admin, null))
                .get("value")
                .asString())
        .isEqualTo("ACME");
    assertThat(rest.send("GET", task + "/localVariables", admin, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aTaskOfASuspendedInstanceIsAnsweredSuspended() throws Exception {
    assertThat(json(rest.send("GET", task, admin, null)).get("suspended").asBoolean()).isFalse();
    assertThat(
            rest.send(
                    "PUT",
                    "/engine-rest/process-instance/" + instanceId + "/suspended",
                    admin,
                    "{\"suspended\":true}")
                .statusCode())
        .isEqualTo(204);
    assertThat(json(rest.send("GET", task, admin, null)).get("suspended").asBoolean()).isTrue();
    assertThat(
            json(rest.send("GET", "/engine-rest/task?processInstanceId=" + instanceId, admin, null))
                .get(0)
                .get("suspended")
                .asBoolean())
        .isTrue();
    // Variables stay changeable on a suspended instance, as in Camunda; completing does not.
    assertThat(
            rest.send("PUT", task + "/localVariables/x", admin, "{\"value\":1,\"type\":\"Long\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(rest.send("POST", task + "/complete", admin, "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void a1_z3_withoutCredentials401AndAnotherUsersTask404() throws Exception {
    String[] dora = rest.newUser("dora");
    String value = "{\"value\":\"x\",\"type\":\"String\"}";
    String[][] calls = {
      {"GET", "/localVariables", null},
      {"POST", "/localVariables", "{\"modifications\":{\"a\":" + value + "}}"},
      {"GET", "/localVariables/a", null},
      {"PUT", "/localVariables/a", value},
      {"DELETE", "/localVariables/a", null},
    };
    for (String[] call : calls) {
      HttpResponse<String> anonymous = rest.send(call[0], task + call[1], null, call[2]);
      assertThat(anonymous.statusCode()).as(call[0] + call[1]).isEqualTo(401);
      HttpResponse<String> hidden = rest.send(call[0], task + call[1], dora, call[2]);
      HttpResponse<String> absent =
          rest.send(call[0], "/engine-rest/task/no-such-task" + call[1], dora, call[2]);
      assertThat(hidden.statusCode()).as(call[0] + call[1]).isEqualTo(404);
      assertThat(absent.statusCode()).as(call[0] + call[1]).isEqualTo(404);
      assertThat(hidden.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    }
    assertThat(rest.send("GET", task + "/localVariables", admin, null).body()).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"modifications\":{\"x'; DROP TABLE bw_variable;--\":{\"value\":1}}}",
        "{\"modifications\":{\"big\":{\"value\":99999999999999999999999,\"type\":\"Long\"}}}",
        "{\"modifications\":{\"o\":{\"value\":\"rO0ABXQAAWE=\",\"type\":\"Object\","
            + "\"valueInfo\":{\"serializationDataFormat\":"
            + "\"application/x-java-serialized-object\"}}}}",
        "{\"modifications\":{\"n\":{\"value\":\"x\",\"type\":\"Banana\"}}}",
        "{\"modifications\":[1,2]}",
        "{\"modifications\":{\"a\":{\"value\":1}},\"deletions\":[\"a\"]}",
        "{\"deletions\":\"a\"}",
        "{\"modifications\":{\"d\":{\"value\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]"
            + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}",
        "not json",
      })
  void e4_w5_w11_hostileLocalVariablesAre400WithoutInternals(String body) throws Exception {
    HttpResponse<String> answer = rest.send("POST", task + "/localVariables", admin, body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(answer.body()).doesNotContain("DROP").doesNotContain("Exception");
    assertThat(rest.send("GET", task + "/localVariables", admin, null).body()).isEqualTo("{}");
  }

  @Test
  void w5_hostileNamesAndValuesOfOneLocalVariableAre400() throws Exception {
    for (String[] call :
        new String[][] {
          {"PUT", "/localVariables/ok", "{\"value\":\"x\",\"type\":\"File\"}"},
          {"PUT", "/localVariables/ok", "{\"value\":1e999,\"type\":\"Double\"}"},
          {"PUT", "/localVariables/%3Cscript%3E", "{\"value\":1}"},
          {"GET", "/localVariables/%3Cscript%3E", null},
          {"DELETE", "/localVariables/" + "n".repeat(300), null},
        }) {
      HttpResponse<String> answer = rest.send(call[0], task + call[1], admin, call[2]);
      assertThat(answer.statusCode()).as(call[0] + call[1] + answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("<script>").doesNotContain("Exception");
    }
  }

  private static String model(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="first" name="First"/>
            <bpmn:userTask id="second" name="Second"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first"/>
            <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second"/>
            <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key);
  }
}
