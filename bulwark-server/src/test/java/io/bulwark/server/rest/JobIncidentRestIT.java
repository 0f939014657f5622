package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.PROBLEM;
import static io.bulwark.server.rest.RestTestClient.SETUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's job and incident resources over real HTTPS (issue 14, item 6), shapes checked against
 * Camunda's OpenAPI document: a timer job listed, counted, given retries and executed; an external
 * task's incident listed, counted and resolved; 401, 404 for what the caller may not see, 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobIncidentRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;

  @BeforeEach
  void setUp() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
  }

  @Test
  void a1_jobsAndIncidentsNeedAuthentication() throws Exception {
    assertThat(send("GET", "/engine-rest/job", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/engine-rest/incident/count", null).statusCode()).isEqualTo(401);
  }

  @Test
  void timerJobIsListedCountedRetriedAndExecuted() throws Exception {
    String key = "timer-" + RestTestClient.suffix();
    deploy(
        key,
        """
        <bpmn:startEvent id="s"/>
        <bpmn:intermediateCatchEvent id="wait" camunda:jobPriority="42">
          <bpmn:timerEventDefinition>
            <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>
          </bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="e"/>
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
        """);
    ProcessInstance instance =
        engine.runtimeService().startProcessInstance(SETUP, StartInstanceRequest.byKey(key));
    HttpResponse<String> list =
        send("GET", "/engine-rest/job?processInstanceId=" + instance.id(), admin);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode job = RestTestClient.json(list).get(0);
    assertThat(job.get("processInstanceId").asString()).isEqualTo(instance.id());
    assertThat(job.get("retries").asInt()).isPositive();
    assertThat(job.get("priority").asLong()).isEqualTo(42);
    assertThat(job.get("dueDate").asString()).matches("\\d{4}-.*T.*\\.\\d{3}[+-]\\d{4}");
    assertThat(
            send("GET", "/engine-rest/job/count?processInstanceId=" + instance.id(), admin).body())
        .isEqualTo("{\"count\":1}");
    String id = job.get("id").asString();
    HttpResponse<String> one = send("GET", "/engine-rest/job/" + id, admin);
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    assertThat(RestTestClient.json(one)).isEqualTo(job);
    String[] stranger = rest.newUser("stranger");
    HttpResponse<String> hidden = send("GET", "/engine-rest/job/" + id, stranger);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(send("GET", "/engine-rest/job/no-such-job", stranger).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/engine-rest/job/" + id, null).statusCode()).isEqualTo(401);
    assertThat(
            sendJson("PUT", "/engine-rest/job/" + id + "/retries", admin, "{\"retries\":5}")
                .statusCode())
        .isEqualTo(204);
    assertThat(send("POST", "/engine-rest/job/" + id + "/execute", admin).statusCode())
        .isEqualTo(204);
    assertThat(
            engine
                .historyService()
                .findProcessInstance(SETUP, instance.id())
                .orElseThrow()
                .endedAt())
        .isNotNull();
    assertThat(
            send("GET", "/engine-rest/job/count?processInstanceId=" + instance.id(), admin).body())
        .isEqualTo("{\"count\":0}");
  }

  @Test
  void z3_otherUsersSeeNoJobsAndGet404ForThem() throws Exception {
    String[] stranger = rest.newUser("stranger");
    assertThat(send("GET", "/engine-rest/job?maxResults=10", stranger).body()).isEqualTo("[]");
    assertThat(send("GET", "/engine-rest/incident/count", stranger).body())
        .isEqualTo("{\"count\":0}");
    HttpResponse<String> execute = send("POST", "/engine-rest/job/no-such-job/execute", admin);
    assertThat(execute.statusCode()).isEqualTo(404);
    assertThat(execute.headers().firstValue("Content-Type")).hasValue(PROBLEM);
  }

  @Test
  void w8_hostileParametersAreRefusedNamingTheParameter() throws Exception {
    for (String query :
        new String[] {
          "maxResults=100000",
          "maxResults=abc",
          "firstResult=-1",
          "maxResults=99999999999999999999",
          "withRetriesLeft=true&noRetriesLeft=true"
        }) {
      HttpResponse<String> answer = send("GET", "/engine-rest/job?" + query, admin);
      assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("Exception").doesNotContain("SQL");
    }
    HttpResponse<String> badRetries =
        sendJson("PUT", "/engine-rest/job/x/retries", admin, "{\"retries\":\"many\"}");
    assertThat(badRetries.statusCode()).isEqualTo(400);
    HttpResponse<String> sql =
        send("GET", "/engine-rest/incident?processInstanceId=x%27%20OR%20%271%27%3D%271", admin);
    assertThat(sql.statusCode()).isIn(200, 400);
    if (sql.statusCode() == 200) {
      assertThat(sql.body()).isEqualTo("[]");
    }
  }

  @Test
  void externalTaskIncidentIsListedAndResolved() throws Exception {
    ExternalTaskModels model = ExternalTaskModels.unique();
    model.deploy(engine, SETUP);
    model.grantWorker(engine, SETUP, admin[0]);
    ProcessInstance instance =
        engine
            .runtimeService()
            .startProcessInstance(SETUP, StartInstanceRequest.byKey(model.key()));
    var task =
        engine
            .externalTaskService()
            .fetchAndLock(
                SETUP,
                new io.bulwark.engine.api.FetchRequest(
                    "w1",
                    1,
                    java.util.List.of(
                        new io.bulwark.engine.api.TopicRequest(model.charge(), 60_000, null, null)),
                    false))
            .get(0);
    engine.externalTaskService().handleFailure(SETUP, task.id(), "w1", "backend down", null, 0, 0);
    HttpResponse<String> list =
        send("GET", "/engine-rest/incident?processInstanceId=" + instance.id(), admin);
    JsonNode incident = RestTestClient.json(list).get(0);
    assertThat(incident.get("incidentType").asString()).isEqualTo("failedExternalTask");
    assertThat(incident.get("configuration").asString()).isEqualTo(task.id());
    assertThat(incident.get("incidentMessage").asString()).isEqualTo("backend down");
    assertThat(
            send(
                    "GET",
                    "/engine-rest/incident/count?incidentType=failedExternalTask&configuration="
                        + task.id(),
                    admin)
                .body())
        .isEqualTo("{\"count\":1}");
    String id = incident.get("id").asString();
    assertThat(send("DELETE", "/engine-rest/incident/" + id, admin).statusCode()).isEqualTo(204);
    assertThat(
            send("GET", "/engine-rest/incident/count?processInstanceId=" + instance.id(), admin)
                .body())
        .isEqualTo("{\"count\":0}");
    assertThat(send("DELETE", "/engine-rest/incident/" + id, admin).statusCode()).isEqualTo(404);

    String history = "/engine-rest/history/incident?processInstanceId=" + instance.id();
    HttpResponse<String> kept = send("GET", history, admin);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    JsonNode resolved = RestTestClient.json(kept).get(0);
    assertThat(resolved.get("id").asString()).isEqualTo(id);
    assertThat(resolved.get("resolved").asBoolean()).isTrue();
    assertThat(resolved.get("open").asBoolean()).isFalse();
    assertThat(resolved.get("deleted").asBoolean()).isFalse();
    assertThat(resolved.get("processDefinitionKey").asString()).isEqualTo(model.key());
    assertThat(resolved.get("configuration").asString()).isEqualTo(task.id());
    assertThat(resolved.get("endTime").asString()).matches("\\d{4}-.*T.*\\.\\d{3}[+-]\\d{4}");
    assertThat(
            send(
                    "GET",
                    "/engine-rest/history/incident/count?resolved=true&incidentType="
                        + "failedExternalTask&processDefinitionKey="
                        + model.key(),
                    admin)
                .body())
        .isEqualTo("{\"count\":1}");
    assertThat(send("GET", history + "&open=true", admin).body()).isEqualTo("[]");
    assertThat(
            send("GET", history + "&sortBy=createTime&sortOrder=desc&maxResults=5", admin)
                .statusCode())
        .isEqualTo(200);
    // Z3: a stranger neither lists nor counts it.
    String[] stranger = rest.newUser("stranger");
    assertThat(send("GET", history, stranger).body()).isEqualTo("[]");
    assertThat(send("GET", "/engine-rest/history/incident/count", stranger).body())
        .isEqualTo("{\"count\":0}");
  }

  @Test
  void a1_w8_historicIncidentsNeedAuthenticationAndRefuseHostileParameters() throws Exception {
    assertThat(send("GET", "/engine-rest/history/incident", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/engine-rest/history/incident/count", null).statusCode())
        .isEqualTo(401);
    for (String query :
        new String[] {
          "maxResults=100000",
          "maxResults=abc",
          "firstResult=-1",
          "maxResults=99999999999999999999",
          "open=yes",
          "open=true&resolved=true",
          "sortBy=incidentMessage;DROP%20TABLE%20bw_hi_incident",
          "sortOrder=desc",
          "causeIncidentId=x",
          "processInstanceId%27=1"
        }) {
      HttpResponse<String> answer = send("GET", "/engine-rest/history/incident?" + query, admin);
      assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
      assertThat(answer.body()).doesNotContain("Exception").doesNotContain("SQL");
    }
    HttpResponse<String> sql =
        send(
            "GET",
            "/engine-rest/history/incident?processInstanceId=x%27%20OR%20%271%27%3D%271",
            admin);
    assertThat(sql.statusCode()).isEqualTo(200);
    assertThat(sql.body()).isEqualTo("[]");
  }

  private void deploy(String key, String body) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
        %2$s
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, body);
    engine
        .repositoryService()
        .deploy(
            SETUP,
            new DeploymentRequest(
                key, Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)), null));
  }

  private HttpResponse<String> send(String method, String path, String[] user) throws Exception {
    return sendJson(method, path, user, null);
  }

  /** Sends and checks the answer against Camunda's OpenAPI document (issue 14). */
  private HttpResponse<String> sendJson(String method, String path, String[] user, String json)
      throws Exception {
    HttpResponse<String> answer = rest.send(method, path, user, json);
    CamundaOpenApi.get().assertConforms(method, path, answer);
    return answer;
  }
}
