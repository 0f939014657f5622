package io.bulwark.engine.task;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import io.bulwark.engine.runtime.TestEngine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Camunda Forms deployed with a model or later: refused when unusable, enforced on completion
 * (W10); a {@code camunda:formRef} is resolved when used, as in Camunda 7.
 */
class CamundaFormIT {

  private static final byte[] FORM = io.bulwark.engine.form.TestForms.invoice();

  @AutoClose private TestEngine engine;

  private static String model(String formAttributes) {
    return Models.process(
        "invoice",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="approve" name="Approve" %s/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="e"/>
        """
            .formatted(formAttributes));
  }

  private void deploy(String formAttributes, Map<String, byte[]> forms) {
    Map<String, byte[]> resources = new LinkedHashMap<>(forms);
    resources.put("invoice.bpmn", model(formAttributes).getBytes(StandardCharsets.UTF_8));
    engine.repository.deploy(ALICE, new DeploymentRequest("invoice", resources, null));
  }

  private String startTask(String formAttributes) {
    deploy(formAttributes, Map.of("invoice.form", FORM));
    return engine.onlyTask(engine.start("invoice", Map.of()).id()).id();
  }

  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("creditor", "Great Pizza");
    values.put("amount", 30.5);
    values.put("category", "travel");
    values.put("checks", List.of("receipt"));
    values.put("urgent", true);
    values.put("payOn", "2026-12-24");
    return values;
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_camundaFormIsServedAndEnforced(EngineDatabase database) {
    engine = new TestEngine(database);
    String taskId = startTask("camunda:formRef=\"invoice\" camunda:formRefBinding=\"deployment\"");

    CamundaFormView form = engine.tasks.getCamundaForm(ALICE, taskId).orElseThrow();
    assertThat(form.formId()).isEqualTo("invoice");
    assertThat(form.version()).isEqualTo(1);
    assertThat(form.binding()).isEqualTo("deployment");
    assertThat(form.json()).isEqualTo(new String(FORM, StandardCharsets.UTF_8));
    assertThat(engine.tasks.getFormFields(ALICE, taskId)).hasSize(8);

    record Broken(String field, Object value, String rule) {}
    for (Broken b :
        List.of(
            new Broken("creditor", "x", "minlength"),
            new Broken("creditor", "lower case", "pattern"),
            new Broken("amount", 0, "min"),
            new Broken("amount", "12", "type"),
            new Broken("category", "food", "enum"),
            new Broken("checks", List.of("receipt", "bribe"), "enum"),
            new Broken("checks", "receipt", "type"),
            new Broken("payOn", "tomorrow", "pattern"),
            new Broken("reference", "R-1", "readonly"),
            new Broken("undeclared", "x", "undeclared"))) {
      Map<String, Object> submitted = valid();
      submitted.put(b.field(), b.value());
      assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, submitted))
          .as("%s breaks %s", b.field(), b.rule())
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo(b.field());
                assertThat(e.rules()).contains(b.rule());
              });
    }
    Map<String, Object> missing = valid();
    missing.remove("amount");
    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, missing))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).containsExactly("required"));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isZero();

    engine.tasks.complete(ALICE, taskId, valid());
    assertThat(engine.tasks.findTasks(ALICE, io.bulwark.engine.api.TaskQuery.all()).items())
        .isEmpty();
  }

  @Test
  void w10_formKeyByResourceAndLatestBindingFindTheForm() {
    engine = new TestEngine(EngineDatabase.H2);
    String byKey = startTask("camunda:formKey=\"camunda-forms:deployment:invoice.form\"");
    assertThat(engine.tasks.getCamundaForm(ALICE, byKey).orElseThrow().key())
        .isEqualTo("camunda-forms:deployment:invoice.form");

    // A later deployment of the model alone finds the latest form of that id.
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(
        "invoice.bpmn", model("camunda:formRef=\"invoice\"").getBytes(StandardCharsets.UTF_8));
    engine.repository.deploy(ALICE, new DeploymentRequest("model-only", resources, null));
    String latest = engine.onlyTask(engine.start("invoice", Map.of()).id()).id();
    assertThat(engine.tasks.getCamundaForm(ALICE, latest).orElseThrow().binding())
        .isEqualTo("latest");
  }

  @Test
  void z10_deploymentWithAFormThatCannotBeCheckedIsRefused() {
    engine = new TestEngine(EngineDatabase.H2);
    byte[] bad =
        ("{\"id\":\"invoice\",\"components\":[{\"type\":\"filepicker\",\"id\":\"Upload_1\","
                + "\"key\":\"upload\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deploy("camunda:formRef=\"invoice\"", Map.of("invoice.form", bad)))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("invoice.form")
        .hasMessageContaining("Upload_1")
        .hasMessageContaining("filepicker");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_deployment")).isZero();

    assertThatThrownBy(
            () ->
                deploy(
                    "camunda:formKey=\"camunda-forms:deployment:other.form\"",
                    Map.of("invoice.form", FORM)))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("form resource 'other.form' is not in this deployment");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_form_definition")).isZero();
  }

  /**
   * Camunda's UserTaskCamundaFormDefinitionParseTest and StartEventCamundaFormDefinitionParseTest
   * deploy models whose formRef names a form that is not deployed: the reference is resolved when
   * the form is used. Until the form is there, no submission is accepted (it could not be checked,
   * W10), and nothing is stored; once it is deployed, it is enforced.
   */
  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_aFormRefNotYetDeployedRefusesEverySubmissionUntilTheFormIsDeployed(
      EngineDatabase database) {
    engine = new TestEngine(database);
    Map<String, byte[]> model = new LinkedHashMap<>();
    model.put(
        "invoice.bpmn",
        model("camunda:formRef=\"invoice\" camunda:formRefBinding=\"latest\"")
            .getBytes(StandardCharsets.UTF_8));
    engine.repository.deploy(ALICE, new DeploymentRequest("model-first", model, null));
    String instance = engine.start("invoice", Map.of()).id();
    String taskId = engine.onlyTask(instance).id();

    for (Map<String, Object> submitted : List.of(valid(), Map.<String, Object>of())) {
      assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, submitted))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("form 'invoice' (binding latest) is not deployed")
          .hasMessageContaining("W10");
    }
    assertThat(engine.onlyTask(instance).id()).isEqualTo(taskId);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isZero();

    engine.repository.deploy(
        ALICE, new DeploymentRequest("form-later", Map.of("invoice.form", FORM), null));
    Map<String, Object> broken = valid();
    broken.put("category", "food");
    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, broken))
        .isInstanceOf(ValidationException.class);
    engine.tasks.complete(ALICE, taskId, valid());
    assertThat(engine.history.findProcessInstance(ALICE, instance).orElseThrow().state())
        .isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_aStartFormRefNotYetDeployedRefusesTheStart(EngineDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml(
        "starter",
        Models.process(
            "starter",
            """
                <bpmn:startEvent id="s" camunda:formRef="invoice"
                    camunda:formRefBinding="version" camunda:formRefVersion="1"/>
                <bpmn:userTask id="check"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
            """));
    assertThatThrownBy(() -> engine.start("starter", valid()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("form 'invoice' (binding version 1) is not deployed");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();

    engine.repository.deploy(
        ALICE, new DeploymentRequest("form-later", Map.of("invoice.form", FORM), null));
    String instance = engine.start("starter", valid()).id();
    assertThat(engine.tasksOf(instance)).hasSize(1);
  }
}
