package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.PROBLEM;
import static io.bulwark.server.rest.RestTestClient.SETUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's external task resource over real HTTPS (issue 14, item 4): shapes checked against
 * Camunda's OpenAPI document, FETCH_TOPIC (Z2), the lock owner rule, long polling (E8) and hostile
 * input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalTaskRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  ExternalTaskModels model;
  String[] worker;

  @BeforeEach
  void setUp() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    model = ExternalTaskModels.unique();
    model.deploy(engine, SETUP);
    worker = rest.newUser("worker");
    model.grantWorker(engine, SETUP, worker[0]);
  }

  @Test
  void a1_workerCallsNeedAuthentication() throws Exception {
    HttpResponse<String> answer =
        send("POST", "/engine-rest/external-task/fetchAndLock", null, fetch("w1", 5, 0));
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(send("POST", "/engine-rest/external-task/x/unlock", null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void fetchCompleteAndFetchTheNextTopicWithVariables() throws Exception {
    ProcessInstance instance = start("bk-1", Map.of("amount", 42L, "note", "fragile"));
    HttpResponse<String> fetched =
        send(
            "POST",
            "/engine-rest/external-task/fetchAndLock",
            worker,
            """
            {"workerId":"w1","maxTasks":5,"usePriority":true,"topics":[
              {"topicName":"%s","lockDuration":60000,"variables":["amount"],
               "businessKey":"bk-1","processDefinitionKey":"%s"}]}
            """
                .formatted(model.charge(), model.key()));
    assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
    JsonNode task = RestTestClient.json(fetched).get(0);
    assertThat(task.get("topicName").asString()).isEqualTo(model.charge());
    assertThat(task.get("workerId").asString()).isEqualTo("w1");
    assertThat(task.get("processInstanceId").asString()).isEqualTo(instance.id());
    assertThat(task.get("businessKey").asString()).isEqualTo("bk-1");
    assertThat(task.get("lockExpirationTime").asString())
        .matches("\\d{4}-.*T.*\\.\\d{3}[+-]\\d{4}");
    assertThat(task.get("variables").toString())
        .isEqualTo("{\"amount\":{\"value\":42,\"type\":\"Long\",\"valueInfo\":{}}}");

    String id = task.get("id").asString();
    assertThat(
            send(
                    "POST",
                    "/engine-rest/external-task/" + id + "/complete",
                    worker,
                    "{\"workerId\":\"w1\",\"variables\":{\"charged\":{\"value\":true,\"type\":\"Boolean\"}}}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> next =
        send(
            "POST",
            "/engine-rest/external-task/fetchAndLock",
            worker,
            """
            {"workerId":"w1","maxTasks":1,"topics":[{"topicName":"%s","lockDuration":1000,
              "processVariables":{"charged":true}}]}
            """
                .formatted(model.ship()));
    assertThat(
            RestTestClient.json(next)
                .get(0)
                .get("variables")
                .get("charged")
                .get("value")
                .asBoolean())
        .isTrue();
  }

  @Test
  void z2_workerFetchesOnlyTopicsItHoldsFetchTopicOn() throws Exception {
    String[] stranger = rest.newUser("stranger");
    start("bk-z2", Map.of());
    HttpResponse<String> answer =
        send("POST", "/engine-rest/external-task/fetchAndLock", stranger, fetch("w9", 1, 0));
    assertProblem(answer, 403);
  }

  @Test
  void taskLockedByOneWorkerCannotBeCompletedByAnother() throws Exception {
    start("bk-lock", Map.of());
    String id = fetchOne("w1");
    for (String action : new String[] {"complete", "failure", "bpmnError", "extendLock"}) {
      String body =
          switch (action) {
            case "failure" -> "{\"workerId\":\"w2\",\"retries\":1,\"errorMessage\":\"x\"}";
            case "bpmnError" -> "{\"workerId\":\"w2\",\"errorCode\":\"DECLINED\"}";
            case "extendLock" -> "{\"workerId\":\"w2\",\"newDuration\":1000}";
            default -> "{\"workerId\":\"w2\"}";
          };
      HttpResponse<String> answer =
          send("POST", "/engine-rest/external-task/" + id + "/" + action, worker, body);
      assertProblem(answer, 409);
      assertThat(answer.body()).contains("not locked by worker");
    }
    assertThat(
            send(
                    "POST",
                    "/engine-rest/external-task/" + id + "/extendLock",
                    worker,
                    "{\"workerId\":\"w1\",\"newDuration\":5000}")
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void bpmnErrorIsCaughtAndTheInstanceEndsInHistory() throws Exception {
    ProcessInstance instance = start("bk-err", Map.of());
    String id = fetchOne("w1");
    assertThat(
            send(
                    "POST",
                    "/engine-rest/external-task/" + id + "/bpmnError",
                    worker,
                    "{\"workerId\":\"w1\",\"errorCode\":\"DECLINED\",\"errorMessage\":\"card declined\","
                        + "\"variables\":{\"reason\":{\"value\":\"limit\",\"type\":\"String\"}}}")
                .statusCode())
        .isEqualTo(204);
    HistoricProcessInstance ended =
        engine.historyService().findProcessInstance(SETUP, instance.id()).orElseThrow();
    assertThat(ended.endedAt()).isNotNull();
  }

  @Test
  void failureUnlockAndRetries() throws Exception {
    start("bk-fail", Map.of());
    String id = fetchOne("w1");
    assertThat(
            send(
                    "POST",
                    "/engine-rest/external-task/" + id + "/failure",
                    worker,
                    "{\"workerId\":\"w1\",\"errorMessage\":\"backend down\",\"errorDetails\":\"trace\","
                        + "\"retries\":0,\"retryTimeout\":0}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            RestTestClient.json(
                    send(
                        "POST",
                        "/engine-rest/external-task/fetchAndLock",
                        worker,
                        fetch("w1", 1, 0)))
                .size())
        .isZero();
    assertThat(
            send("PUT", "/engine-rest/external-task/" + id + "/retries", worker, "{\"retries\":2}")
                .statusCode())
        .isEqualTo(204);
    String again = fetchOne("w3");
    assertThat(again).isEqualTo(id);
    assertThat(
            send("POST", "/engine-rest/external-task/" + id + "/unlock", worker, null).statusCode())
        .isEqualTo(204);
    assertThat(fetchOne("w4")).isEqualTo(id);
  }

  @Test
  void failureSetsItsVariablesWhileTheTaskWaitsAndHostileOnesChangeNothing() throws Exception {
    ProcessInstance instance = start("bk-fail-vars", Map.of("attempts", 0L));
    String id = fetchOne("w1");
    String failure = "/engine-rest/external-task/" + id + "/failure";
    for (String hostile :
        new String[] {
          "\"variables\":{\"o\":{\"value\":\"rO0ABXQAAWE=\",\"type\":\"Object\",\"valueInfo\":"
              + "{\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}",
          "\"localVariables\":{\"x'; DROP TABLE bw_variable;--\":{\"value\":1}}",
          "\"variables\":[1,2]",
          "\"localVariables\":{\"n\":{\"value\":99999999999999999999999,\"type\":\"Long\"}}",
        }) {
      assertProblem(
          send(
              "POST",
              failure,
              worker,
              "{\"workerId\":\"w1\",\"errorMessage\":\"hostile\",\"retries\":0," + hostile + "}"),
          400);
    }
    JsonNode unchanged =
        RestTestClient.json(send("GET", "/engine-rest/external-task/" + id, worker, null));
    assertThat(unchanged.get("retries").isNull()).as("no half-written failure").isTrue();
    assertThat(unchanged.get("errorMessage").isNull()).isTrue();

    assertThat(
            send(
                    "POST",
                    failure,
                    worker,
                    "{\"workerId\":\"w1\",\"errorMessage\":\"backend down\",\"retries\":2,"
                        + "\"retryTimeout\":0,\"variables\":{\"attempts\":{\"value\":1,"
                        + "\"type\":\"Long\"}},\"localVariables\":{\"lastError\":"
                        + "{\"value\":\"timeout\",\"type\":\"String\"}}}")
                .statusCode())
        .isEqualTo(204);
    Map<String, Object> variables = engine.runtimeService().getVariables(SETUP, instance.id());
    assertThat(variables).containsEntry("attempts", 1L);
    JsonNode again =
        RestTestClient.json(
                send("POST", "/engine-rest/external-task/fetchAndLock", worker, fetch("w2", 1, 0)))
            .get(0);
    assertThat(again.get("id").asString()).isEqualTo(id);
    assertThat(again.get("retries").asInt()).isEqualTo(2);
    assertThat(again.get("variables").get("lastError").get("value").asString())
        .isEqualTo("timeout");
  }

  @Test
  void e8_longPollWaitsAndWakesWhenATaskAppears() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting =
        sendAsync("/engine-rest/external-task/fetchAndLock", fetch("w1", 1, 30_000));
    Thread.sleep(1_000);
    assertThat(waiting).isNotDone();
    long started = System.nanoTime();
    ProcessInstance instance = start("bk-poll", Map.of());
    HttpResponse<String> answer = waiting.get(20, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(RestTestClient.json(answer).get(0).get("processInstanceId").asString())
        .isEqualTo(instance.id());
    CamundaOpenApi.get().assertConforms("POST", "/engine-rest/external-task/fetchAndLock", answer);
  }

  @Test
  void e8_longPollAnswersAnEmptyListAtItsTimeout() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> answer =
        send("POST", "/engine-rest/external-task/fetchAndLock", worker, fetch("w1", 1, 1_500));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("[]");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(1_400), Duration.ofSeconds(10));
  }

  @Test
  void e8_w11_hostileFetchesAreRefusedNamingTheField() throws Exception {
    String path = "/engine-rest/external-task/fetchAndLock";
    assertProblem(send("POST", path, worker, fetch("w1", 1, 3_600_000)), 400);
    assertThat(send("POST", path, worker, fetch("w1", 1, 3_600_000)).body())
        .contains("asyncResponseTimeout");
    assertProblem(send("POST", path, worker, fetch("w1", 100_000, 0)), 400);
    assertProblem(send("POST", path, worker, fetch("w1", -1, 0)), 400);
    assertProblem(send("POST", path, worker, "{\"workerId\":\"w1\",\"maxTasks\":\"many\"}"), 400);
    assertProblem(
        send("POST", path, worker, "{\"workerId\":\"w1\",\"maxTasks\":1e999,\"topics\":[]}"), 400);
    assertProblem(send("POST", path, worker, "{\"maxTasks\":1,\"topics\":[]}"), 400);
    assertProblem(
        send(
            "POST",
            path,
            worker,
            "{\"workerId\":\"w1\",\"maxTasks\":1,\"topics\":"
                + "[{\"topicName\":\"x' OR '1'='1\",\"lockDuration\":-5}]}"),
        400);
    assertProblem(send("POST", path, worker, "[".repeat(200) + "]".repeat(200)), 400);
    HttpResponse<String> unknown =
        send(
            "POST",
            "/engine-rest/external-task/no-such-task/complete",
            worker,
            "{\"workerId\":\"w1\"}");
    assertProblem(unknown, 404);
    assertProblem(
        send("PUT", "/engine-rest/external-task/no-such-task/retries", worker, "{\"retries\":-3}"),
        400);
  }

  @Test
  void z3_listCountGetAndErrorDetailsShowOnlyReadableTasks() throws Exception {
    ProcessInstance instance = start("bk-list", Map.of());
    String id = fetchOne("w1");
    assertThat(
            send(
                    "POST",
                    "/engine-rest/external-task/" + id + "/failure",
                    worker,
                    "{\"workerId\":\"w1\",\"errorMessage\":\"backend down\","
                        + "\"errorDetails\":\"line 1\\nline 2\",\"retries\":3,\"retryTimeout\":60000}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> list =
        send(
            "GET",
            "/engine-rest/external-task?processInstanceId=" + instance.id() + "&locked=true",
            worker,
            null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode task = RestTestClient.json(list).get(0);
    assertThat(task.get("id").asString()).isEqualTo(id);
    assertThat(task.get("retries").asInt()).isEqualTo(3);
    assertThat(task.get("errorMessage").asString()).isEqualTo("backend down");
    assertThat(
            send(
                    "GET",
                    "/engine-rest/external-task/count?topicName="
                        + model.charge()
                        + "&notLocked=true",
                    worker,
                    null)
                .body())
        .isEqualTo("{\"count\":0}");
    assertThat(send("GET", "/engine-rest/external-task/" + id, worker, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> details =
        send("GET", "/engine-rest/external-task/" + id + "/errorDetails", worker, null);
    assertThat(details.body()).isEqualTo("line 1\nline 2");
    assertThat(details.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

    String[] stranger = rest.newUser("stranger");
    assertProblem(send("GET", "/engine-rest/external-task/" + id, stranger, null), 404);
    assertProblem(
        send("GET", "/engine-rest/external-task/" + id + "/errorDetails", stranger, null), 404);
    assertThat(
            send(
                    "GET",
                    "/engine-rest/external-task?processInstanceId=" + instance.id(),
                    stranger,
                    null)
                .body())
        .isEqualTo("[]");
    assertProblem(
        send("GET", "/engine-rest/external-task?locked=true&notLocked=true", worker, null), 400);
    assertProblem(send("GET", "/engine-rest/external-task?maxResults=5000", worker, null), 400);
  }

  private ProcessInstance start(String businessKey, Map<String, Object> variables) {
    return engine
        .runtimeService()
        .startProcessInstance(
            SETUP,
            StartInstanceRequest.byKey(model.key())
                .withBusinessKey(businessKey)
                .withVariables(variables));
  }

  private String fetchOne(String workerId) throws Exception {
    HttpResponse<String> answer =
        send("POST", "/engine-rest/external-task/fetchAndLock", worker, fetch(workerId, 1, 0));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode tasks = RestTestClient.json(answer);
    assertThat(tasks.size()).as(answer.body()).isEqualTo(1);
    return tasks.get(0).get("id").asString();
  }

  private String fetch(String workerId, int maxTasks, long asyncResponseTimeout) {
    return """
        {"workerId":"%s","maxTasks":%d,"asyncResponseTimeout":%d,
         "topics":[{"topicName":"%s","lockDuration":60000}]}
        """
        .formatted(workerId, maxTasks, asyncResponseTimeout, model.charge());
  }

  /** Sends and checks the answer against Camunda's OpenAPI document (issue 14). */
  private HttpResponse<String> send(String method, String path, String[] user, String json)
      throws Exception {
    HttpResponse<String> answer = rest.send(method, path, user, json);
    CamundaOpenApi.get().assertConforms(method, path, answer);
    return answer;
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(rest.server().uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", RestTestClient.basic(worker))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return rest.server().client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(answer.body())
        .doesNotContain("Exception")
        .doesNotContain("at io.")
        .doesNotContain("SQL");
  }
}
