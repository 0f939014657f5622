package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.PROBLEM;
import static io.bulwark.server.rest.RestTestClient.SETUP;
import static io.bulwark.server.rest.RestTestClient.json;
import static io.bulwark.server.rest.RestTestClient.suffix;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.server.http.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Start forms over Camunda's REST shapes (W10, Z2, Z3; issue 15): startForm, form-variables,
 * deployed-start-form and submit-form, every answer checked against Camunda's OpenAPI document by
 * {@link RestTestClient}; a submission that breaks the form answers 400 naming field and rule and
 * starts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartFormRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] anna;
  String key;
  String definitionId;

  private static String model(String key, String start) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true">
            %s
            <bpmn:userTask id="work"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, start);
  }

  private static final String FORM_DATA_START =
      """
      <bpmn:startEvent id="s">
        <bpmn:extensionElements>
          <camunda:formData>
            <camunda:formField id="customer" type="string">
              <camunda:validation><camunda:constraint name="required"/></camunda:validation>
            </camunda:formField>
            <camunda:formField id="amount" type="long" defaultValue="10">
              <camunda:validation><camunda:constraint name="max" config="1000"/></camunda:validation>
            </camunda:formField>
          </camunda:formData>
        </bpmn:extensionElements>
      </bpmn:startEvent>
      """;

  private String deploy(String key, String start, Map<String, byte[]> more) {
    Map<String, byte[]> resources = new LinkedHashMap<>(more);
    resources.put(key + ".bpmn", model(key, start).getBytes(StandardCharsets.UTF_8));
    return engine
        .repositoryService()
        .deploy(SETUP, new DeploymentRequest(key, resources, null))
        .processDefinitions()
        .get(0)
        .id();
  }

  @BeforeEach
  void setUp() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    anna = rest.newUser("anna");
    key = "start-form-" + suffix();
    definitionId = deploy(key, FORM_DATA_START, Map.of());
    engine
        .authorizationService()
        .createRule(
            SETUP,
            NewAuthorizationRule.grantToUser(anna[0], "PROCESS_DEFINITION", key, "START_INSTANCE"));
  }

  private long instances() {
    return engine
        .runtimeService()
        .findProcessInstances(SETUP, ProcessInstanceQuery.all().ofProcess(key))
        .total();
  }

  @Test
  void w10_startFormAndFormVariablesAnswerCamundasShapes() throws Exception {
    String formKeyed = "start-form-key-" + suffix();
    String formKeyedId =
        deploy(formKeyed, "<bpmn:startEvent id=\"s\" camunda:formKey=\"orders:start\"/>", Map.of());
    JsonNode form =
        json(
            rest.send(
                "GET",
                "/engine-rest/process-definition/" + formKeyedId + "/startForm",
                rest.newAdmin(),
                null));
    assertThat(form.get("key").asString()).isEqualTo("orders:start");
    assertThat(form.get("contextPath").isNull()).isTrue();

    HttpResponse<String> variables =
        rest.send(
            "GET", "/engine-rest/process-definition/key/" + key + "/form-variables", anna, null);
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    assertThat(json(variables).get("amount").get("value").asLong()).isEqualTo(10);
    assertThat(json(variables).get("amount").get("type").asString()).isEqualTo("Long");
    assertThat(
            json(rest.send(
                    "GET",
                    "/engine-rest/process-definition/"
                        + definitionId
                        + "/form-variables?variableNames=customer",
                    anna,
                    null))
                .has("amount"))
        .isFalse();
    assertThat(
            rest.send(
                    "GET",
                    "/engine-rest/process-definition/" + definitionId + "/deployed-start-form",
                    anna,
                    null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void w10_submitFormChecksTheSubmissionAndStartsLikeStart() throws Exception {
    String path = "/engine-rest/process-definition/" + definitionId + "/submit-form";
    for (String[] broken :
        new String[][] {
          {
            "{\"variables\":{\"customer\":{\"value\":\"Acme\"},\"x\":{\"value\":1}}}",
            "'x'",
            "is not a field"
          },
          {
            "{\"variables\":{\"amount\":{\"value\":5,\"type\":\"Long\"}}}",
            "'customer'",
            "is required"
          },
          {
            "{\"variables\":{\"customer\":{\"value\":\"Acme\"},\"amount\":{\"value\":5000,\"type\":\"Long\"}}}",
            "'amount'",
            "must be at most 1000"
          },
        }) {
      HttpResponse<String> refused = rest.send("POST", path, anna, broken[0]);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
      assertThat(refused.body()).contains(broken[1]).contains(broken[2]);
    }
    assertThat(instances()).isZero();

    HttpResponse<String> started =
        rest.send(
            "POST",
            "/engine-rest/process-definition/key/" + key + "/submit-form",
            anna,
            "{\"variables\":{\"customer\":{\"value\":\"Acme\"}},\"businessKey\":\"order-1\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(json(started).get("businessKey").asString()).isEqualTo("order-1");
    assertThat(json(started).get("definitionId").asString()).isEqualTo(definitionId);
    assertThat(instances()).isEqualTo(1);
  }

  @Test
  void w10_camundaStartFormIsServedWithItsRef() throws Exception {
    String invoice = "start-invoice-" + suffix();
    String id =
        deploy(
            invoice,
            "<bpmn:startEvent id=\"s\" camunda:formRef=\"approve-invoice\""
                + " camunda:formRefBinding=\"deployment\"/>",
            Map.of("invoice.form", resource("tasklist/invoice.form")));
    String[] admin = rest.newAdmin();
    JsonNode form =
        json(rest.send("GET", "/engine-rest/process-definition/" + id + "/startForm", admin, null));
    assertThat(form.get("camundaFormRef").get("key").asString()).isEqualTo("approve-invoice");
    assertThat(form.get("camundaFormRef").get("binding").asString()).isEqualTo("deployment");
    // The form-js JSON as deployed, as application/json (Camunda's document says XHTML).
    HttpResponse<String> deployed =
        rest.send(
            java.net.http.HttpRequest.newBuilder(
                rest.server()
                    .uri(
                        "/engine-rest/process-definition/key/" + invoice + "/deployed-start-form")),
            admin);
    assertThat(deployed.statusCode()).isEqualTo(200);
    assertThat(json(deployed).get("id").asString()).isEqualTo("approve-invoice");
  }

  @Test
  void z3_startFormOfADefinitionTheCallerMayNotSeeAnswersLikeAMissingOne() throws Exception {
    String[] bert = rest.newUser("bert");
    for (String path :
        new String[] {
          "/engine-rest/process-definition/" + definitionId + "/startForm",
          "/engine-rest/process-definition/" + definitionId + "/form-variables",
          "/engine-rest/process-definition/key/" + key + "/startForm",
          "/engine-rest/process-definition/" + definitionId + "/deployed-start-form",
        }) {
      assertThat(rest.send("GET", path, bert, null).statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> refused =
        rest.send(
            "POST",
            "/engine-rest/process-definition/" + definitionId + "/submit-form",
            bert,
            "{\"variables\":{\"customer\":{\"value\":\"Acme\"}}}");
    assertThat(refused.statusCode()).isIn(403, 404);
    assertThat(instances()).isZero();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = StartFormRestIT.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
