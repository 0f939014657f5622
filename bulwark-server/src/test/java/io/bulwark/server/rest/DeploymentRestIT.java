package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's deployment resource over real HTTPS: the Modeler's multipart deploy, list, count,
 * get, resources, downloads (W12), delete with cascade; 401 without credentials, 404 for a
 * deployment the caller may not read (Z2), 400 problems for refused models (Z10) and hostile
 * parameters (W5, W8).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
  }

  static String model(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="d_%s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%s" name="Process %s" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task" name="Task"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, key, key);
  }

  HttpResponse<String> deploy(String[] user, Multipart form) throws Exception {
    return rest.send(
        HttpRequest.newBuilder(rest.server().uri("/engine-rest/deployment/create"))
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())),
        user);
  }

  /** Deploys {@code key} as Camunda Modeler does; returns the answer. */
  JsonNode deployModel(String key) throws Exception {
    HttpResponse<String> answer =
        deploy(
            admin,
            new Multipart()
                .field("deployment-name", "deployment-" + key)
                .field("deployment-source", "Camunda Modeler")
                .field("enable-duplicate-filtering", "true")
                .field("deploy-changed-only", "true")
                .file(key + ".bpmn", key + ".bpmn", model(key).getBytes(StandardCharsets.UTF_8))
                .file("notes.txt", "notes.txt", "<script>alert(1)</script>".getBytes()));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  @Test
  void modelerDeployListGetResourcesAndDelete() throws Exception {
    String key = "p" + RestTestClient.suffix();
    JsonNode created = deployModel(key);
    String id = created.get("id").asString();
    assertThat(created.get("name").asString()).isEqualTo("deployment-" + key);
    assertThat(created.get("deploymentTime").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    JsonNode definitions = created.get("deployedProcessDefinitions");
    assertThat(definitions.size()).isEqualTo(1);
    JsonNode definition = definitions.values().iterator().next();
    assertThat(definition.get("key").asString()).isEqualTo(key);
    assertThat(definition.get("version").asInt()).isEqualTo(1);
    assertThat(definition.get("resource").asString()).isEqualTo(key + ".bpmn");
    assertThat(definition.get("deploymentId").asString()).isEqualTo(id);

    JsonNode list =
        json(
            rest.send(
                "GET", "/engine-rest/deployment?nameLike=deployment-" + key + "%25", admin, null));
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("id").asString()).isEqualTo(id);
    assertThat(rest.send("GET", "/engine-rest/deployment/count?id=" + id, admin, null).body())
        .isEqualTo("{\"count\":1}");
    assertThat(
            json(rest.send("GET", "/engine-rest/deployment/" + id, admin, null))
                .get("name")
                .asString())
        .isEqualTo("deployment-" + key);

    JsonNode resources =
        json(rest.send("GET", "/engine-rest/deployment/" + id + "/resources", admin, null));
    assertThat(resources.size()).isEqualTo(2);
    assertThat(resources.get(0).get("name").asString()).isEqualTo("notes.txt");
    assertThat(resources.get(1).get("name").asString()).isEqualTo(key + ".bpmn");
    String notes = resources.get(0).get("id").asString();
    assertThat(
            json(rest.send(
                    "GET", "/engine-rest/deployment/" + id + "/resources/" + notes, admin, null))
                .get("deploymentId")
                .asString())
        .isEqualTo(id);
    HttpResponse<byte[]> data =
        rest.sendForBytes("/engine-rest/deployment/" + id + "/resources/" + notes + "/data", admin);
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(new String(data.body(), StandardCharsets.UTF_8))
        .isEqualTo("<script>alert(1)</script>");
    assertThat(data.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(data.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"notes.txt\"");
    assertThat(data.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");

    engine
        .runtimeService()
        .startProcessInstance(
            RestTestClient.SETUP, io.bulwark.engine.api.StartInstanceRequest.byKey(key));
    HttpResponse<String> refused =
        rest.send("DELETE", "/engine-rest/deployment/" + id, admin, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(
            rest.send("DELETE", "/engine-rest/deployment/" + id + "?cascade=true", admin, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(rest.send("GET", "/engine-rest/deployment/" + id, admin, null).statusCode())
        .isEqualTo(404);

    // E6, D4: the deployment and its deletion are in the audit log; the refused deletion is not.
    List<String> audited = new ArrayList<>();
    engine
        .auditService()
        .export(
            RestTestClient.SETUP,
            r -> {
              if (id.equals(r.subject())) {
                audited.add(r.kind() + " " + r.principal() + " " + r.details());
              }
            });
    assertThat(audited)
        .containsExactly(
            "deployment_created "
                + admin[0]
                + " {\"name\":\"deployment-"
                + key
                + "\",\"client\":\"127.0.0.1\"}",
            "deployment_deleted " + admin[0] + " {\"cascade\":\"true\",\"client\":\"127.0.0.1\"}");
  }

  @Test
  void z10_aRefusedModelIs400NamingResourceElementAndLine() throws Exception {
    String bad =
        model("bad")
            .replace(
                "<bpmn:userTask id=\"task\" name=\"Task\"/>", "<bpmn:scriptTask id=\"evil\"/>");
    HttpResponse<String> answer =
        deploy(
            admin,
            new Multipart()
                .field("deployment-name", "bad")
                .file("bad.bpmn", "bad.bpmn", bad.getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(json(answer).get("detail").asString())
        .contains("bad.bpmn")
        .contains("'evil'")
        .contains("line 6");
  }

  /**
   * A deployment's answer names its decision definitions; its process definition's diagram is the
   * PNG deployed beside the model, as an attachment (W12), and 204 without one, as in Camunda.
   */
  @Test
  void deployedDecisionsAndTheDiagramImage() throws Exception {
    String key = "p" + RestTestClient.suffix();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    HttpResponse<String> answer =
        deploy(
            admin,
            new Multipart()
                .field("deployment-name", "deployment-" + key)
                .file(key + ".bpmn", key + ".bpmn", model(key).getBytes(StandardCharsets.UTF_8))
                .file(key + ".png", key + ".png", png)
                .file(
                    key + ".dmn",
                    key + ".dmn",
                    DecisionRestIT.table("d" + key).getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    CamundaOpenApi.get().assertConforms("POST", "/engine-rest/deployment/create", answer);
    JsonNode created = json(answer);
    JsonNode decisions = created.get("deployedDecisionDefinitions");
    assertThat(decisions.size()).isEqualTo(1);
    JsonNode decision = decisions.values().iterator().next();
    assertThat(decision.get("key").asString()).isEqualTo("d" + key);
    assertThat(decision.get("version").asInt()).isEqualTo(1);
    assertThat(decision.get("resource").asString()).isEqualTo(key + ".dmn");
    assertThat(decision.get("deploymentId").asString()).isEqualTo(created.get("id").asString());
    assertThat(decisions.propertyNames()).containsExactly(decision.get("id").asString());

    String definitionId =
        created.get("deployedProcessDefinitions").values().iterator().next().get("id").asString();
    HttpResponse<byte[]> diagram =
        rest.sendForBytes("/engine-rest/process-definition/" + definitionId + "/diagram", admin);
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(diagram.body()).isEqualTo(png);
    assertThat(diagram.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(diagram.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(diagram.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");

    String other = "p" + RestTestClient.suffix();
    JsonNode plain = deployModel(other);
    assertThat(plain.get("deployedDecisionDefinitions").isNull()).isTrue();
    String withoutImage =
        plain.get("deployedProcessDefinitions").values().iterator().next().get("id").asString();
    HttpResponse<String> none =
        rest.send(
            "GET", "/engine-rest/process-definition/" + withoutImage + "/diagram", admin, null);
    assertThat(none.statusCode()).isEqualTo(204);
    String[] stranger = rest.newUser("stranger");
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/process-definition/" + definitionId + "/diagram",
                    stranger,
                    null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void w12_uploadsAreLimitedToAllowlistedNamesAndMatchingContent() throws Exception {
    for (Multipart form :
        new Multipart[] {
          new Multipart()
              .field("deployment-name", "x")
              .file("run.sh", "run.sh", "#!/bin/sh".getBytes()),
          new Multipart().field("deployment-name", "x").file("a.png", "a.png", "<svg/>".getBytes()),
          new Multipart()
              .field("deployment-name", "x")
              .file("f", "../../etc/x.bpmn", "x".getBytes()),
          new Multipart().field("deployment-name", "x"),
        }) {
      HttpResponse<String> answer = deploy(admin, form);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("Exception").doesNotContain("etc/x");
    }
  }

  @Test
  void a1_z2_a7_withoutCredentials401AndWithoutReadGrant404AndDenialsLogged() throws Exception {
    String key = "p" + RestTestClient.suffix();
    String id = deployModel(key).get("id").asString();
    assertThat(rest.send("GET", "/engine-rest/deployment", null, null).statusCode()).isEqualTo(401);
    assertThat(deploy(null, new Multipart().field("deployment-name", "x")).statusCode())
        .isEqualTo(401);

    String[] dora = rest.newUser("dora");
    assertThat(rest.send("GET", "/engine-rest/deployment/" + id, dora, null).statusCode())
        .isEqualTo(404);
    assertThat(
            rest.send("GET", "/engine-rest/deployment/" + id + "/resources", dora, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(rest.send("GET", "/engine-rest/deployment/count", dora, null).body())
        .isEqualTo("{\"count\":0}");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger events = (Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME);
    events.addAppender(log);
    try {
      assertThat(rest.send("DELETE", "/engine-rest/deployment/" + id, dora, null).statusCode())
          .isEqualTo(403);
    } finally {
      events.detachAppender(log);
    }
    // A7: the denial is an authentication event naming permission, resource and deciding rule.
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"event\":\"access_denied\"")
                    .contains("\"principal\":\"" + dora[0] + "\"")
                    .contains("\"permission\":\"DELETE\"")
                    .contains("\"resource_type\":\"DEPLOYMENT\"")
                    .contains("\"rule\":\"default deny (Z1)"));
    HttpResponse<String> noCreate =
        deploy(
            dora,
            new Multipart()
                .field("deployment-name", "x")
                .file(
                    "x.bpmn",
                    "x.bpmn",
                    model("x" + RestTestClient.suffix()).getBytes(StandardCharsets.UTF_8)));
    assertThat(noCreate.statusCode()).isEqualTo(403);

    engine
        .authorizationService()
        .createRule(
            RestTestClient.SETUP,
            NewAuthorizationRule.grantToUser(dora[0], "DEPLOYMENT", id, "READ"));
    assertThat(rest.send("GET", "/engine-rest/deployment/" + id, dora, null).statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sortBy=name;DROP%20TABLE%20bw_deployment&sortOrder=asc",
        "sortBy=name&sortOrder=sideways",
        "maxResults=99999999999999999999",
        "maxResults=2001",
        "firstResult=-1",
        "maxResults=abc",
      })
  void w5_w8_hostileParametersAre400WithoutInternals(String query) throws Exception {
    HttpResponse<String> answer = rest.send("GET", "/engine-rest/deployment?" + query, admin, null);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(answer.body())
        .doesNotContain("DROP")
        .doesNotContain("SQL")
        .doesNotContain("Exception");
  }

  @Test
  void w5_sqlInFiltersMatchesNothing() throws Exception {
    HttpResponse<String> answer =
        rest.send("GET", "/engine-rest/deployment?id=x%27%20OR%20%271%27=%271", admin, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("[]");
  }
}
