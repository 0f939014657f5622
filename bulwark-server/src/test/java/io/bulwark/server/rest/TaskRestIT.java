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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's task resource over real HTTPS, under the real authorization checker: the answers'
 * shapes, 401 without credentials, another user's task answered like a missing one (Z3), the form
 * checked on submit (W10) and hostile input refused with problem details without internals (W5, W8,
 * W11, E5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskRestIT {

  private static final String H = "/engine-rest/history";

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] anna;
  String[] bert;
  String[] dora;
  String group;
  String key;
  String businessKey;
  String instanceId;
  String taskId;

  /** Anna is in the task's candidate group; Bert and Dora hold nothing. */
  @BeforeEach
  void setUp() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    anna = rest.newUser("anna");
    bert = rest.newUser("bert");
    dora = rest.newUser("dora");
    group = "clerks-" + suffix();
    engine.identityService().createGroup(SETUP, group, "Clerks");
    engine.identityService().addMembership(SETUP, anna[0], group);
    key = "rest-task-" + suffix();
    engine
        .repositoryService()
        .deploy(
            SETUP,
            DeploymentRequest.of(
                key, key + ".bpmn", model(key, group).getBytes(StandardCharsets.UTF_8)));
    businessKey = "order-" + suffix();
    instanceId =
        engine
            .runtimeService()
            .startProcessInstance(
                SETUP,
                StartInstanceRequest.byKey(key)
                    .withBusinessKey(businessKey)
                    .withVariables(Map.of("customer", "ACME")))
            .id();
    taskId =
        engine
            .taskService()
            .findTasks(SETUP, TaskQuery.all().ofInstance(instanceId))
            .items()
            .get(0)
            .id();
  }

  @Test
  void a1_everyTaskEndpointNeedsCredentials() throws Exception {
    for (String[] call :
        new String[][] {
          {"GET", "/engine-rest/task"},
          {"POST", "/engine-rest/task"},
          {"GET", "/engine-rest/task/count"},
          {"GET", "/engine-rest/task/" + taskId},
          {"POST", "/engine-rest/task/" + taskId + "/claim"},
          {"POST", "/engine-rest/task/" + taskId + "/complete"},
          {"GET", "/engine-rest/task/" + taskId + "/variables"},
          {"GET", "/engine-rest/task/" + taskId + "/identity-links"},
          {"GET", "/engine-rest/task/" + taskId + "/comment"},
          {"GET", "/engine-rest/history/process-instance"},
          {"GET", "/engine-rest/history/task?processInstanceId=" + instanceId},
        }) {
      HttpResponse<String> answer = rest.send(call[0], call[1], null, "{}");
      assertThat(answer.statusCode()).as(call[1]).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    }
  }

  @Test
  void listCountGetAndQueryAnswerCamundasShapes() throws Exception {
    HttpResponse<String> list =
        rest.send("GET", "/engine-rest/task?candidateGroup=" + group, anna, null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode task = json(list).get(0);
    assertThat(json(list)).hasSize(1);
    assertThat(task.get("id").asString()).isEqualTo(taskId);
    assertThat(task.get("name").asString()).isEqualTo("Review");
    assertThat(task.get("taskDefinitionKey").asString()).isEqualTo("review");
    assertThat(task.get("processInstanceId").asString()).isEqualTo(instanceId);
    assertThat(task.get("priority").asInt()).isEqualTo(60);
    assertThat(task.get("suspended").asBoolean()).isFalse();
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(task.get("created").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    for (String member :
        new String[] {
          "owner",
          "due",
          "followUp",
          "delegationState",
          "description",
          "executionId",
          "parentTaskId",
          "processDefinitionId",
          "caseInstanceId",
          "formKey",
          "tenantId"
        }) {
      assertThat(task.has(member)).as(member).isTrue();
    }
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/task/count?processInstanceBusinessKey=" + businessKey,
                    anna,
                    null)
                .body())
        .isEqualTo("{\"count\":1}");
    HttpResponse<String> query =
        rest.send(
            "POST",
            "/engine-rest/task?firstResult=0&maxResults=10",
            anna,
            "{\"processInstanceBusinessKeyLike\":\""
                + businessKey.substring(0, 8)
                + "%\",\"candidateGroups\":[\""
                + group
                + "\"],\"minPriority\":50,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"desc\"}]}");
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    assertThat(json(query).get(0).get("id").asString()).isEqualTo(taskId);
    assertThat(rest.send("POST", "/engine-rest/task/count", anna, "{\"assigned\":true}").body())
        .isEqualTo("{\"count\":0}");
    HttpResponse<String> one = rest.send("GET", "/engine-rest/task/" + taskId, anna, null);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).get("id").asString()).isEqualTo(taskId);
    HttpResponse<String> form =
        rest.send("GET", "/engine-rest/task/" + taskId + "/form", anna, null);
    assertThat(json(form).has("key")).isTrue();
    assertThat(json(form).has("contextPath")).isTrue();
  }

  @Test
  void claimDelegateResolveVariablesAndCompleteAsCamunda() throws Exception {
    String task = "/engine-rest/task/" + taskId;
    assertThat(rest.send("POST", task + "/claim", anna, userId(anna)).statusCode()).isEqualTo(204);
    assertThat(json(rest.send("GET", task, anna, null)).get("assignee").asString())
        .isEqualTo(anna[0]);
    assertThat(rest.send("POST", task + "/claim", dora, userId(dora)).statusCode()).isEqualTo(404);

    assertThat(rest.send("POST", task + "/delegate", anna, userId(dora)).statusCode())
        .isEqualTo(204);
    JsonNode delegated = json(rest.send("GET", task, dora, null));
    assertThat(delegated.get("owner").asString()).isEqualTo(anna[0]);
    assertThat(delegated.get("delegationState").asString()).isEqualTo("PENDING");
    assertThat(rest.send("POST", task + "/complete", dora, "{}").statusCode()).isEqualTo(409);
    assertThat(
            rest.send(
                    "POST",
                    task + "/resolve",
                    dora,
                    "{\"variables\":{\"amount\":{\"value\":42,\"type\":\"Long\"}}}")
                .statusCode())
        .isEqualTo(204);
    JsonNode resolved = json(rest.send("GET", task, anna, null));
    assertThat(resolved.get("assignee").asString()).isEqualTo(anna[0]);
    assertThat(resolved.get("delegationState").asString()).isEqualTo("RESOLVED");

    // W10: a task with form fields takes only its fields, through every variable endpoint.
    assertProblem(
        rest.send("PUT", task + "/variables/note", anna, "{\"value\":\"x\",\"type\":\"String\"}"),
        400,
        "note");
    assertProblem(rest.send("DELETE", task + "/variables/customer", anna, null), 400, "customer");
    assertThat(
            rest.send("PUT", task + "/variables/amount", anna, "{\"value\":7,\"type\":\"Long\"}")
                .statusCode())
        .isEqualTo(204);
    JsonNode amount = json(rest.send("GET", task + "/variables/amount", anna, null));
    assertThat(amount.get("value").asLong()).isEqualTo(7);
    assertThat(amount.get("type").asString()).isEqualTo("Long");
    assertThat(amount.has("valueInfo")).isTrue();
    assertThat(
            rest.send(
                    "POST",
                    task + "/variables",
                    anna,
                    "{\"modifications\":{\"amount\":{\"value\":43,\"type\":\"Long\"}}}")
                .statusCode())
        .isEqualTo(204);
    JsonNode formVariables = json(rest.send("GET", task + "/form-variables", anna, null));
    assertThat(formVariables.get("amount").get("value").asLong()).isEqualTo(43);
    assertThat(formVariables.get("customer").get("value").asString()).isEqualTo("ACME");
    assertThat(rest.send("DELETE", task + "/variables/amount", anna, null).statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", task + "/variables/amount", anna, null).statusCode())
        .isEqualTo(404);
    assertThat(json(rest.send("GET", task + "/variables", anna, null)).has("amount")).isFalse();

    HttpResponse<String> done =
        rest.send(
            "POST",
            task + "/complete",
            anna,
            "{\"variables\":{\"amount\":{\"value\":44,\"type\":\"Long\"}},"
                + "\"withVariablesInReturn\":true}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(json(done).get("amount").get("value").asLong()).isEqualTo(44);
    assertThat(json(done).get("customer").get("type").asString()).isEqualTo("String");
    assertThat(rest.send("GET", task, anna, null).statusCode()).isEqualTo(404);
  }

  @Test
  void identityLinksAndCommentsAsCamunda() throws Exception {
    String task = "/engine-rest/task/" + taskId;
    assertThat(rest.send("POST", task + "/claim", anna, userId(anna)).statusCode()).isEqualTo(204);
    HttpResponse<String> links = rest.send("GET", task + "/identity-links", anna, null);
    assertThat(links.body())
        .contains("{\"userId\":\"" + anna[0] + "\",\"groupId\":null,\"type\":\"assignee\"}")
        .contains("{\"userId\":null,\"groupId\":\"" + group + "\",\"type\":\"candidate\"}");
    String doraLink = "{\"userId\":\"" + dora[0] + "\",\"type\":\"candidate\"}";
    assertThat(rest.send("POST", task + "/identity-links", anna, doraLink).statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", task + "/identity-links?type=candidate", dora, null).body())
        .contains(dora[0]);
    assertThat(rest.send("POST", task + "/identity-links/delete", anna, doraLink).statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", task + "/identity-links", dora, null).statusCode()).isEqualTo(404);

    HttpResponse<String> created =
        rest.send("POST", task + "/comment/create", anna, "{\"message\":\"Checked the order.\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode comment = json(created);
    assertThat(comment.get("userId").asString()).isEqualTo(anna[0]);
    assertThat(comment.get("taskId").asString()).isEqualTo(taskId);
    assertThat(comment.get("message").asString()).isEqualTo("Checked the order.");
    assertThat(comment.get("links").get(0).get("rel").asString()).isEqualTo("self");
    String commentId = comment.get("id").asString();
    assertThat(json(rest.send("GET", task + "/comment", anna, null)).get(0).get("id").asString())
        .isEqualTo(commentId);
    assertThat(rest.send("GET", task + "/comment/" + commentId, anna, null).statusCode())
        .isEqualTo(200);
    assertProblem(
        rest.send(
            "POST", task + "/comment/create", anna, "{\"message\":\"" + "x".repeat(4001) + "\"}"),
        400,
        "message");
  }

  @Test
  void z3_anotherUsersTaskIsAnsweredLikeAMissingOne() throws Exception {
    String task = "/engine-rest/task/" + taskId;
    String missing = "/engine-rest/task/no-such-task";
    for (String[] call :
        new String[][] {
          {"GET", ""},
          {"POST", "/claim"},
          {"POST", "/unclaim"},
          {"POST", "/assignee"},
          {"POST", "/delegate"},
          {"POST", "/complete"},
          {"POST", "/submit-form"},
          {"GET", "/form"},
          {"GET", "/form-variables"},
          {"GET", "/variables"},
          {"GET", "/variables/customer"},
          {"GET", "/identity-links"},
          {"GET", "/comment"},
        }) {
      String body =
          Set.of("/claim", "/assignee", "/delegate").contains(call[1])
              ? userId(bert)
              : call[0].equals("POST") ? "{}" : null;
      HttpResponse<String> hidden = rest.send(call[0], task + call[1], bert, body);
      HttpResponse<String> absent = rest.send(call[0], missing + call[1], bert, body);
      assertThat(hidden.statusCode()).as(call[1] + " " + hidden.body()).isEqualTo(404);
      assertThat(absent.statusCode()).as(call[1]).isEqualTo(404);
      assertThat(hidden.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    }
    assertThat(rest.send("GET", "/engine-rest/task", bert, null).body()).isEqualTo("[]");
    assertThat(rest.send("POST", "/engine-rest/task/count", bert, "{}").body())
        .isEqualTo("{\"count\":0}");
    assertThat(json(rest.send("GET", task, anna, null)).get("assignee").isNull()).isTrue();
  }

  @Test
  void w10_submitFormNamesTheFieldAndTheRule() throws Exception {
    HttpResponse<String> answer =
        rest.send(
            "POST",
            "/engine-rest/task/" + taskId + "/submit-form",
            anna,
            "{\"variables\":{\"amount\":{\"value\":5000,\"type\":\"Long\"}}}");
    assertProblem(answer, 400, "amount");
    assertThat(answer.body()).contains("at most 1000").doesNotContain("5000");
    assertThat(
            rest.send(
                    "POST",
                    "/engine-rest/task/" + taskId + "/submit-form",
                    anna,
                    "{\"variables\":{\"amount\":{\"value\":500,\"type\":\"Long\"}}}")
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void w5_hostileFiltersAreRefusedWithoutInternals() throws Exception {
    String deep = "[".repeat(200) + "]".repeat(200);
    String[][] refused = {
      {"GET", "/engine-rest/task?sortBy=name%3BDROP%20TABLE%20bw_task&sortOrder=asc", null},
      {"GET", "/engine-rest/task?sortBy=created&sortOrder=sideways", null},
      {"GET", "/engine-rest/task?maxResults=99999999999999999999", null},
      {"GET", "/engine-rest/task?maxResults=5000", null},
      {"GET", "/engine-rest/task?firstResult=-1", null},
      {"GET", "/engine-rest/task?priority=high", null},
      {"GET", "/engine-rest/task?dueBefore=yesterday", null},
      {"GET", "/engine-rest/task?assigned=maybe", null},
      {"GET", "/engine-rest/task?processVariables=a_eq_b", null},
      {"GET", "/engine-rest/task?name=a&name=b", null},
      {"GET", "/engine-rest/task?nameLike=" + "%25".repeat(300), null},
      {"POST", "/engine-rest/task", "{\"assignee\":5}"},
      {"POST", "/engine-rest/task", "{\"priority\":99999999999}"},
      {"POST", "/engine-rest/task", "{\"unknownFilter\":\"x\"}"},
      {"POST", "/engine-rest/task", "{\"sorting\":[{\"sortBy\":\"1; DROP TABLE bw_task\"}]}"},
      {"POST", "/engine-rest/task", "{\"candidateGroups\":\"not-a-list\"}"},
      {"POST", "/engine-rest/task", "[1,2,3]"},
      {"POST", "/engine-rest/task", "{\"candidateGroups\":" + deep + "}"},
      {"POST", "/engine-rest/task", "{\"assignee\":"},
      {"POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":[\"x\"]}"},
      {
        "POST",
        "/engine-rest/task/" + taskId + "/identity-links",
        "{\"userId\":\"x\",\"type\":\"owner\"}"
      },
      {
        "POST",
        "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"a\":{\"value\":\"x\",\"type\":\"Object\",\"valueInfo\":{\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}"
      },
      {"GET", "/engine-rest/history/process-instance?sortBy=instanceId%27--", null},
      {"GET", "/engine-rest/history/activity-instance", null},
      {"GET", H + "/task?processInstanceId=x&taskName=x", null},
      {"GET", H + "/activity-instance?processInstanceId=x&finished=true&unfinished=true", null},
      {"GET", H + "/user-operation?processInstanceId=x&entityType=Batch", null},
      {"GET", H + "/variable-instance?processInstanceId=x&variableName=a&variableName=b", null},
      {"GET", H + "/task/count?processInstanceId=x&finished=maybe", null},
    };
    for (String[] call : refused) {
      HttpResponse<String> answer = rest.send(call[0], call[1], anna, call[2]);
      assertThat(answer.statusCode())
          .as(call[1] + " " + call[2] + " " + answer.body())
          .isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
      assertThat(answer.body())
          .doesNotContain("Exception")
          .doesNotContain("SELECT")
          .doesNotContain("DROP")
          .doesNotContain("at io.")
          .doesNotContain("bw_task");
    }
    // A quote in a filter value is a value, bound as a parameter (E5).
    HttpResponse<String> quoted =
        rest.send(
            "GET",
            "/engine-rest/task?name=" + URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8),
            anna,
            null);
    assertThat(quoted.statusCode()).isEqualTo(200);
    assertThat(quoted.body()).isEqualTo("[]");
  }

  @Test
  void historyListsWhatTheCallerMayReadAndHidesTheRest() throws Exception {
    String task = "/engine-rest/task/" + taskId;
    assertThat(rest.send("POST", task + "/claim", anna, userId(anna)).statusCode()).isEqualTo(204);
    assertThat(
            rest.send(
                    "POST",
                    task + "/complete",
                    anna,
                    "{\"variables\":{\"amount\":{\"value\":10,\"type\":\"Long\"}}}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> list =
        rest.send(
            "GET",
            "/engine-rest/history/process-instance?processDefinitionKey=" + key + "&finished=true",
            anna,
            null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode instance = json(list).get(0);
    assertThat(instance.get("id").asString()).isEqualTo(instanceId);
    assertThat(instance.get("businessKey").asString()).isEqualTo(businessKey);
    assertThat(instance.get("state").asString()).isEqualTo("COMPLETED");
    assertThat(instance.get("durationInMillis").isNumber()).isTrue();
    assertThat(instance.get("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(
            rest.send(
                    "POST",
                    "/engine-rest/history/process-instance/count",
                    anna,
                    "{\"processDefinitionKey\":\"" + key + "\"}")
                .body())
        .isEqualTo("{\"count\":1}");
    assertThat(
            rest.send("GET", "/engine-rest/history/process-instance/" + instanceId, anna, null)
                .statusCode())
        .isEqualTo(200);
    String perInstance = "?processInstanceId=" + instanceId;
    JsonNode activities =
        json(rest.send("GET", "/engine-rest/history/activity-instance" + perInstance, anna, null));
    assertThat(activities.findValuesAsString("activityId")).contains("start", "review", "end");
    JsonNode tasks = json(rest.send("GET", "/engine-rest/history/task" + perInstance, anna, null));
    assertThat(tasks.get(0).get("id").asString()).isEqualTo(taskId);
    assertThat(tasks.get(0).get("endTime").isString()).isTrue();
    JsonNode variables =
        json(rest.send("GET", "/engine-rest/history/variable-instance" + perInstance, anna, null));
    assertThat(variables.findValuesAsString("name")).containsExactly("amount", "customer");
    assertThat(variables.get(0).get("value").asLong()).isEqualTo(10);
    assertThat(variables.get(0).get("type").asString()).isEqualTo("Long");
    assertThat(variables.get(1).get("value").asString()).isEqualTo("ACME");
    assertThat(
            rest.send("GET", "/engine-rest/history/user-operation" + perInstance, anna, null)
                .body())
        .contains("\"operationType\":\"Complete\"");
    assertThat(rest.send("GET", "/engine-rest/history/task/count" + perInstance, anna, null).body())
        .isEqualTo("{\"count\":1}");

    // Z3: Bert was never involved; the instance is hidden like a missing one.
    assertThat(
            rest.send("GET", "/engine-rest/history/process-instance/" + instanceId, bert, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/history/process-instance?processDefinitionKey=" + key,
                    bert,
                    null)
                .body())
        .isEqualTo("[]");
    for (String path :
        new String[] {
          "/activity-instance", "/task", "/variable-instance", "/user-operation", "/task/count"
        }) {
      assertThat(
              rest.send("GET", "/engine-rest/history" + path + perInstance, bert, null)
                  .statusCode())
          .as(path)
          .isEqualTo(404);
    }
  }

  @Test
  void historyListsOfAnInstanceTakeCamundasFiltersInSql() throws Exception {
    String task = "/engine-rest/task/" + taskId;
    assertThat(rest.send("POST", task + "/claim", anna, userId(anna)).statusCode()).isEqualTo(204);
    String perInstance = "?processInstanceId=" + instanceId;
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/history/task/count" + perInstance + "&unfinished=true",
                    anna,
                    null)
                .body())
        .isEqualTo("{\"count\":1}");
    assertThat(rest.send("POST", task + "/complete", anna, "{}").statusCode()).isEqualTo(204);

    String[][] counts = {
      {"/activity-instance/count", "&activityId=review", "1"},
      {"/activity-instance/count", "&activityType=userTask&finished=true", "1"},
      {"/activity-instance/count", "&activityId=review&unfinished=true", "0"},
      {"/activity-instance/count", "&activityId=nowhere", "0"},
      {"/task/count", "&taskDefinitionKey=review&taskAssignee=" + anna[0], "1"},
      {"/task/count", "&taskId=" + taskId + "&finished=true", "1"},
      {"/task/count", "&unfinished=true", "0"},
      {"/task/count", "&taskAssignee=someone-else", "0"},
      {"/variable-instance/count", "&variableName=customer", "1"},
      {"/variable-instance/count", "&variableName=nothing", "0"},
      {"/user-operation/count", "&operationType=Complete&entityType=Task&userId=" + anna[0], "1"},
      {"/user-operation/count", "&operationType=Complete&userId=someone-else", "0"},
    };
    for (String[] count : counts) {
      HttpResponse<String> answer =
          rest.send("GET", "/engine-rest/history" + count[0] + perInstance + count[1], anna, null);
      assertThat(answer.body()).as(count[0] + count[1]).isEqualTo("{\"count\":" + count[2] + "}");
    }
    JsonNode review =
        json(
            rest.send(
                "GET",
                "/engine-rest/history/activity-instance" + perInstance + "&activityId=review",
                anna,
                null));
    assertThat(review.findValuesAsString("activityId")).containsExactly("review");
    JsonNode customer =
        json(
            rest.send(
                "GET",
                "/engine-rest/history/variable-instance" + perInstance + "&variableName=customer",
                anna,
                null));
    assertThat(customer.findValuesAsString("name")).containsExactly("customer");
    // A quote in a filter value is a value, bound as a parameter (E5).
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/history/task/count"
                        + perInstance
                        + "&taskAssignee="
                        + URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8),
                    anna,
                    null)
                .body())
        .isEqualTo("{\"count\":0}");
    // Z3: filters do not open another user's instance.
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/history/task" + perInstance + "&taskDefinitionKey=review",
                    bert,
                    null)
                .statusCode())
        .isEqualTo(404);
  }

  private static String userId(String[] user) {
    return "{\"userId\":\"" + user[0] + "\"}";
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String detail) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(answer.body()).contains(detail).doesNotContain("Exception").doesNotContain("at io.");
  }

  private static String model(String key, String group) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="review" name="Review" camunda:candidateGroups="%2$s"
                camunda:priority="60">
              <bpmn:extensionElements>
                <camunda:formData>
                  <camunda:formField id="amount" label="Amount" type="long">
                    <camunda:validation>
                      <camunda:constraint name="max" config="1000"/>
                    </camunda:validation>
                  </camunda:formField>
                </camunda:formData>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, group);
  }
}
