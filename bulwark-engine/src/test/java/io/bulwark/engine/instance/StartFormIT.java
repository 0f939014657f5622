package io.bulwark.engine.instance;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.StartForm;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.AuthorizationChecker;
import io.bulwark.engine.authz.Decision;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.authz.Subject;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import io.bulwark.engine.runtime.RuntimeSettings;
import io.bulwark.engine.runtime.TestEngine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Start forms on a process's none start event (W10; issue 15): read like task forms, and a start
 * whose variables break the form starts nothing.
 */
class StartFormIT {

  private static final String FORM_DATA =
      """
      <bpmn:extensionElements>
        <camunda:formData>
          <camunda:formField id="customer" label="Customer" type="string">
            <camunda:validation>
              <camunda:constraint name="required"/>
              <camunda:constraint name="minlength" config="3"/>
            </camunda:validation>
          </camunda:formField>
          <camunda:formField id="amount" type="long" defaultValue="10">
            <camunda:validation><camunda:constraint name="max" config="1000"/></camunda:validation>
          </camunda:formField>
          <camunda:formField id="ref" type="string" defaultValue="R-1">
            <camunda:validation><camunda:constraint name="readonly"/></camunda:validation>
          </camunda:formField>
        </camunda:formData>
      </bpmn:extensionElements>
      """;

  @AutoClose private TestEngine engine;

  private static String model(String startAttributes, String startBody) {
    return Models.process(
        "order",
        """
            <bpmn:startEvent id="s" %s>%s</bpmn:startEvent>
            <bpmn:userTask id="work"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="work"/>
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="e"/>
        """
            .formatted(startAttributes, startBody));
  }

  private String deploy(String xml, Map<String, byte[]> forms) {
    Map<String, byte[]> resources = new LinkedHashMap<>(forms);
    resources.put("order.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    return engine
        .repository
        .deploy(ALICE, new DeploymentRequest("order", resources, null))
        .processDefinitions()
        .get(0)
        .id();
  }

  private void start(String definitionId, Map<String, Object> variables) {
    engine.runtimeService.startProcessInstance(
        ALICE, StartInstanceRequest.byId(definitionId).withVariables(variables));
  }

  private void assertRefused(String definitionId, Map<String, Object> variables, String rule) {
    assertThatThrownBy(() -> start(definitionId, variables))
        .as("%s breaks %s", variables, rule)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.rules()).contains(rule);
              assertThat(e.getMessage()).contains("start form of process order");
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_startFormDataIsServedAndEnforcedBeforeAnythingIsStored(EngineDatabase database) {
    engine = new TestEngine(database);
    String id = deploy(model("", FORM_DATA), Map.of());

    StartForm form = engine.runtimeService.getStartForm(ALICE, id);
    assertThat(form.processDefinitionKey()).isEqualTo("order");
    assertThat(form.fields())
        .extracting(TaskFormField::id)
        .containsExactly("customer", "amount", "ref");
    assertThat(form.fields().get(0).required()).isTrue();
    assertThat(form.fields().get(0).minLength()).isEqualTo(3L);
    assertThat(form.camundaForm()).isNull();
    assertThat(form.defaults()).containsEntry("amount", 10L).containsEntry("ref", "R-1");

    assertRefused(id, Map.of("customer", "Acme", "other", 1), "undeclared");
    assertRefused(id, Map.of("amount", 5L), "required");
    assertRefused(id, Map.of("customer", "Ac"), "minlength");
    assertRefused(id, Map.of("customer", "Acme", "amount", "5"), "type");
    assertRefused(id, Map.of("customer", "Acme", "amount", 5000L), "max");
    assertRefused(id, Map.of("customer", "Acme", "ref", "R-2"), "readonly");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isZero();

    start(id, Map.of("customer", "Acme", "amount", 5L));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_startEventCamundaFormIsServedAndEnforced(EngineDatabase database) {
    engine = new TestEngine(database);
    byte[] invoice = io.bulwark.engine.form.TestForms.invoice();
    String byRef =
        deploy(
            model("camunda:formRef=\"invoice\" camunda:formRefBinding=\"deployment\"", ""),
            Map.of("invoice.form", invoice));

    StartForm form = engine.runtimeService.getStartForm(ALICE, byRef);
    assertThat(form.camundaForm()).isNotNull();
    assertThat(form.camundaForm().formId()).isEqualTo("invoice");
    assertThat(form.camundaForm().binding()).isEqualTo("deployment");
    assertThat(form.fields()).hasSize(8);
    assertRefused(byRef, Map.of("undeclared", "x"), "undeclared");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();

    Map<String, Object> valid = new HashMap<>();
    valid.put("creditor", "Great Pizza");
    valid.put("amount", 30.5);
    valid.put("category", "travel");
    valid.put("checks", List.of("receipt"));
    start(byRef, valid);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isPositive();

    String byKey =
        deploy(
            model("camunda:formKey=\"camunda-forms:deployment:invoice.form\"", ""),
            Map.of("invoice.form", invoice));
    assertThat(engine.runtimeService.getStartForm(ALICE, byKey).camundaForm().key())
        .isEqualTo("camunda-forms:deployment:invoice.form");
  }

  @Test
  void w10_formKeyAloneIsReturnedAndChecksNothing() {
    engine = new TestEngine(EngineDatabase.H2);
    String id = deploy(model("camunda:formKey=\"embedded:app:forms/start.html\"", ""), Map.of());
    StartForm form = engine.runtimeService.getStartForm(ALICE, id);
    assertThat(form.formKey()).isEqualTo("embedded:app:forms/start.html");
    assertThat(form.checksSubmissions()).isFalse();
    assertThat(engine.runtimeService.getLatestStartForm(ALICE, "order").formKey())
        .isEqualTo("embedded:app:forms/start.html");
    start(id, Map.of("anything", 1L));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isEqualTo(1);
  }

  @Test
  void w10_startFormOutsideTheNoneStartEventIsRefusedAtDeployment() {
    engine = new TestEngine(EngineDatabase.H2);
    String messageStart =
        Models.process(
            "order",
            """
                <bpmn:startEvent id="s">%s<bpmn:messageEventDefinition messageRef="m"/>
                </bpmn:startEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e"/>
            """
                .formatted(FORM_DATA),
            "<bpmn:message id=\"m\" name=\"go\"/>");
    assertThatThrownBy(() -> deploy(messageStart, Map.of()))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("belongs on the process's none start event");
    assertThatThrownBy(() -> deploy(model("camunda:formKey=\"x\"", FORM_DATA), Map.of()))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("a start event has either camunda:formKey or camunda:formData");
  }

  @Test
  void z2_z3_startFormNeedsReadOrStartInstanceOnTheKeyElseItIsMissing() {
    Set<Permission> granted =
        new java.util.concurrent.CopyOnWriteArraySet<>(Set.of(Permission.ALL));
    engine = new TestEngine(EngineDatabase.H2, RuntimeSettings.defaults(), new Grants(granted));
    String id = deploy(model("", FORM_DATA), Map.of());

    granted.clear();
    assertThatThrownBy(() -> engine.runtimeService.getStartForm(ALICE, id))
        .isInstanceOf(io.bulwark.engine.api.NotFoundException.class)
        .hasMessage("process definition " + id + " does not exist");
    granted.add(Permission.START_INSTANCE);
    assertThat(engine.runtimeService.getStartForm(ALICE, id).fields()).hasSize(3);
    granted.clear();
    granted.add(Permission.READ);
    assertThat(engine.runtimeService.getStartForm(ALICE, id).fields()).hasSize(3);
    assertThatThrownBy(() -> start(id, Map.of("customer", "Acme")))
        .isInstanceOf(AuthorizationDeniedException.class);
  }

  /** Grants the permissions in the set on process definitions, everything else always. */
  private record Grants(Set<Permission> granted) implements AuthorizationChecker {
    @Override
    public Decision decide(
        java.sql.Connection connection, Subject subject, Requirement.PermissionCheck check) {
      boolean definition =
          check.resourceType() == io.bulwark.engine.authz.ResourceType.PROCESS_DEFINITION;
      return !definition || granted.contains(Permission.ALL) || granted.contains(check.permission())
          ? Decision.granted("test grants")
          : Decision.denied("test denies");
    }

    @Override
    public SqlFilter tenantFilter(
        java.sql.Connection connection, Subject subject, ListTarget.TenantOf tenant) {
      return SqlFilter.unrestricted("test grants");
    }

    @Override
    public SqlFilter listFilter(
        java.sql.Connection connection, Subject subject, ListTarget target, Permission permission) {
      return SqlFilter.unrestricted("test grants");
    }
  }
}
