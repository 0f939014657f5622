package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.PROBLEM;
import static io.bulwark.server.rest.RestTestClient.SETUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.NewAuthorizationRule;
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

/**
 * Tenants over the integration API (Z2, Z3; issue 13), real HTTPS: a start by key and tenant starts
 * that tenant's latest version; a member of one tenant starts and reads only there; another
 * tenant's job answers 404 with the body a missing job gets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;
  String key;
  String east;
  String west;

  @BeforeEach
  void setUp() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
    key = "tenanted-" + RestTestClient.suffix();
    east = "east-" + RestTestClient.suffix();
    west = "west-" + RestTestClient.suffix();
    engine.identityService().createTenant(SETUP, east, "East");
    engine.identityService().createTenant(SETUP, west, "West");
    deploy(east, "East");
    deploy(west, "West");
    deploy(west, "West, second");
  }

  @Test
  void z2_aStartByKeyAndTenantStartsThatTenantsLatestVersion() throws Exception {
    HttpResponse<String> started =
        send(
            "POST",
            "/engine-rest/process-definition/key/" + key + "/tenant-id/" + west + "/start",
            admin,
            "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String definitionId = RestTestClient.json(started).get("definitionId").asString();
    HttpResponse<String> definition =
        send("GET", "/engine-rest/process-definition/" + definitionId, admin, null);
    assertThat(RestTestClient.json(definition).get("tenantId").asString()).isEqualTo(west);
    assertThat(RestTestClient.json(definition).get("version").asInt()).isEqualTo(2);

    HttpResponse<String> latest =
        send(
            "GET",
            "/engine-rest/process-definition/key/" + key + "/tenant-id/" + east,
            admin,
            null);
    assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
    assertThat(RestTestClient.json(latest).get("tenantId").asString()).isEqualTo(east);

    // A member of east with START_INSTANCE on the key starts in east only; west is "not found".
    String[] erin = rest.newUser("erin");
    engine.identityService().addTenantUser(SETUP, east, erin[0]);
    engine
        .authorizationService()
        .createRule(
            SETUP,
            NewAuthorizationRule.grantToUser(
                erin[0], "PROCESS_DEFINITION", key, "READ", "START_INSTANCE"));
    assertThat(
            send(
                    "POST",
                    "/engine-rest/process-definition/key/" + key + "/tenant-id/" + east + "/start",
                    erin,
                    "{}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> hidden =
        send(
            "POST",
            "/engine-rest/process-definition/key/" + key + "/tenant-id/" + west + "/start",
            erin,
            "{}");
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
    assertThat(hidden.headers().firstValue("Content-Type")).hasValue(PROBLEM);
  }

  @Test
  void z3_anotherTenantsJobAnswers404LikeAMissingJob() throws Exception {
    String instance =
        engine
            .runtimeService()
            .startProcessInstance(SETUP, StartInstanceRequest.byKeyAndTenant(key, west))
            .id();
    String job =
        engine
            .managementService()
            .listJobs(SETUP, JobFilter.ofProcessInstance(instance), 0, 1)
            .get(0)
            .id();
    String[] olaf = rest.newUser("olaf");
    engine.identityService().addTenantUser(SETUP, east, olaf[0]);
    engine
        .authorizationService()
        .createRule(SETUP, NewAuthorizationRule.grantToUser(olaf[0], "JOB", "*", "ALL"));

    for (String[] call :
        new String[][] {
          {"GET", "", null}, {"PUT", "/retries", "{\"retries\":3}"}, {"POST", "/execute", null}
        }) {
      HttpResponse<String> foreign =
          send(call[0], "/engine-rest/job/" + job + call[1], olaf, call[2]);
      HttpResponse<String> missing =
          send(call[0], "/engine-rest/job/no-such-job" + call[1], olaf, call[2]);
      assertThat(foreign.statusCode()).as(call[0] + call[1] + " " + foreign.body()).isEqualTo(404);
      // The same body but for the ID and the request's own correlation ID.
      assertThat(withoutRequestIds(foreign.body().replace(job, "ID")))
          .isEqualTo(withoutRequestIds(missing.body().replace("no-such-job", "ID")));
    }
    // A member of west reaches it.
    engine.identityService().addTenantUser(SETUP, west, olaf[0]);
    assertThat(send("GET", "/engine-rest/job/" + job, olaf, null).statusCode()).isEqualTo(200);
  }

  private void deploy(String tenantId, String name) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" name="%2$s" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition>
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, name);
    engine
        .repositoryService()
        .deploy(
            SETUP,
            new DeploymentRequest(
                name, Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)), tenantId));
  }

  private static String withoutRequestIds(String body) {
    return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
  }

  /** Sends and checks the answer against Camunda's OpenAPI document. */
  private HttpResponse<String> send(String method, String path, String[] user, String json)
      throws Exception {
    HttpResponse<String> answer = rest.send(method, path, user, json);
    CamundaOpenApi.get().assertConforms(method, path, answer);
    return answer;
  }
}
