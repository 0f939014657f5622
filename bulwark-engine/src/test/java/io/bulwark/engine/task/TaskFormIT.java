package io.bulwark.engine.task;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import io.bulwark.engine.runtime.TestEngine;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Form fields of user tasks: exposed by the task API, enforced on completion (W10). */
class TaskFormIT {

  private static final String FORM_MODEL =
      Models.process(
          "form",
          """
              <bpmn:startEvent id="s"/>
              <bpmn:userTask id="review" name="Review">
                <bpmn:extensionElements>
                  <camunda:formData>
                    <camunda:formField id="amount" label="Amount" type="long" defaultValue="100">
                      <camunda:validation>
                        <camunda:constraint name="required"/>
                        <camunda:constraint name="min" config="1"/>
                        <camunda:constraint name="max" config="1000"/>
                      </camunda:validation>
                    </camunda:formField>
                    <camunda:formField id="comment" label="Comment" type="string">
                      <camunda:validation>
                        <camunda:constraint name="minlength" config="2"/>
                        <camunda:constraint name="maxlength" config="10"/>
                      </camunda:validation>
                    </camunda:formField>
                    <camunda:formField id="approved" label="Approved?" type="boolean"/>
                    <camunda:formField id="due" label="Due" type="date"/>
                    <camunda:formField id="decision" label="Decision" type="enum">
                      <camunda:value id="yes" name="Yes"/>
                      <camunda:value id="no" name="No"/>
                    </camunda:formField>
                    <camunda:formField id="customer" label="Customer" type="string">
                      <camunda:validation>
                        <camunda:constraint name="readonly"/>
                      </camunda:validation>
                    </camunda:formField>
                  </camunda:formData>
                </bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:userTask id="after"/>
              <bpmn:endEvent id="e"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
              <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="after"/>
              <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="e"/>
          """);

  private static final String PLAIN_MODEL =
      Models.process(
          "plain",
          """
              <bpmn:startEvent id="s"/>
              <bpmn:userTask id="t"/>
              <bpmn:userTask id="u"/>
              <bpmn:endEvent id="e"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
              <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="u"/>
              <bpmn:sequenceFlow id="f3" sourceRef="u" targetRef="e"/>
          """);

  @AutoClose private TestEngine engine;

  private String startReview(Map<String, Object> variables) {
    engine.deployXml("form", FORM_MODEL);
    String instanceId = engine.start("form", variables).id();
    return engine.onlyTask(instanceId).id();
  }

  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("amount", 500L);
    values.put("comment", "looks good");
    values.put("approved", true);
    values.put("due", Instant.parse("2026-12-24T12:00:00Z"));
    values.put("decision", "yes");
    return values;
  }

  private static Map<String, Object> validWith(String name, Object value) {
    Map<String, Object> values = valid();
    values.put(name, value);
    return values;
  }

  private static Map<String, Object> validWithout(String name) {
    Map<String, Object> values = valid();
    values.remove(name);
    return values;
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_taskApiExposesTheFormFields(EngineDatabase database) {
    engine = new TestEngine(database);
    String taskId = startReview(Map.of("customer", "ACME"));

    List<TaskFormField> fields = engine.tasks.getFormFields(ALICE, taskId);

    assertThat(fields)
        .extracting(TaskFormField::id)
        .containsExactly("amount", "comment", "approved", "due", "decision", "customer");
    assertThat(fields.get(0))
        .isEqualTo(
            new TaskFormField(
                "amount", "Amount", "long", "100", true, false, null, null, 1L, 1000L, List.of(),
                null));
    assertThat(fields.get(1).minLength()).isEqualTo(2L);
    assertThat(fields.get(1).maxLength()).isEqualTo(10L);
    assertThat(fields.get(1).required()).isFalse();
    assertThat(fields.get(4).enumValues())
        .containsExactly(
            new TaskFormField.EnumValue("yes", "Yes"), new TaskFormField.EnumValue("no", "No"));
    assertThat(fields.get(5).readonly()).isTrue();

    engine.deployXml("plain", PLAIN_MODEL);
    String plainTask = engine.onlyTask(engine.start("plain", Map.of()).id()).id();
    assertThat(engine.tasks.getFormFields(ALICE, plainTask)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_invalidSubmissionIsRefusedNamingFieldAndRuleAndNothingIsWritten(
      EngineDatabase database) {
    engine = new TestEngine(database);
    String taskId = startReview(Map.of("customer", "ACME"));
    long variables = engine.count("SELECT COUNT(*) FROM bw_variable");
    record Case(Map<String, Object> submitted, String field, String rule, String text) {}
    List<Case> cases =
        List.of(
            new Case(validWith("amount", "12"), "amount", "type", "must be a long"),
            new Case(validWith("amount", 0), "amount", "min", "must be at least 1"),
            new Case(validWith("amount", 1001L), "amount", "max", "must be at most 1000"),
            new Case(validWith("amount", 2.5), "amount", "type", "must be a long"),
            new Case(validWithout("amount"), "amount", "required", "is required"),
            new Case(validWith("amount", null), "amount", "required", "is required"),
            new Case(validWith("comment", "x"), "comment", "minlength", "at least 2 characters"),
            new Case(
                validWith("comment", "far too long"), "comment", "maxlength", "at most 10 char"),
            new Case(validWith("comment", 42), "comment", "type", "must be a string"),
            new Case(validWith("approved", "true"), "approved", "type", "must be a boolean"),
            new Case(validWith("due", "2026-12-24"), "due", "type", "must be a date"),
            new Case(validWith("decision", "maybe"), "decision", "enum", "one of [yes, no]"),
            new Case(validWith("decision", 1L), "decision", "type", "an enum value id"),
            new Case(validWith("customer", "Evil Corp"), "customer", "readonly", "is read-only"),
            new Case(validWith("isAdmin", true), "isAdmin", "undeclared", "not a field"));

    for (Case c : cases) {
      assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, c.submitted()))
          .as("%s breaks %s", c.field(), c.rule())
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo(c.field());
                assertThat(e.rules()).containsExactly(c.rule());
              })
          .hasMessageContaining("'" + c.field() + "'")
          .hasMessageContaining(c.text())
          .hasMessageNotContaining("Evil Corp");
    }

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE id = ?", taskId)).isOne();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isEqualTo(variables);
    assertThat(engine.tasks.getVariables(ALICE, taskId))
        .containsOnly(Map.entry("customer", "ACME"));
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_validSubmissionCompletesAndStoresTheValues(EngineDatabase database) {
    engine = new TestEngine(database);
    String taskId = startReview(Map.of());

    engine.tasks.complete(ALICE, taskId, valid());

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE id = ?", taskId)).isZero();
    String after = engine.single("SELECT id FROM bw_task WHERE task_definition_key = 'after'");
    assertThat(engine.tasks.getVariables(ALICE, after))
        .containsEntry("amount", 500L)
        .containsEntry("decision", "yes")
        .containsEntry("approved", true);
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void w10_requiredFieldMayAlreadyBeSetAndSavingChecksAllButRequired(EngineDatabase database) {
    engine = new TestEngine(database);
    String taskId = startReview(Map.of("amount", 7L));

    assertThatThrownBy(() -> engine.tasks.setVariables(ALICE, taskId, Map.of("customer", "x")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).containsExactly("readonly"));
    assertThatThrownBy(() -> engine.tasks.setVariables(ALICE, taskId, Map.of("amount", 5000L)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).containsExactly("max"));
    engine.tasks.setVariables(ALICE, taskId, Map.of("comment", "draft"));

    engine.tasks.complete(ALICE, taskId, Map.of("approved", false));

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task WHERE id = ?", taskId)).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void w10_taskWithoutFormFieldsAcceptsAnyVariables(EngineDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml("plain", PLAIN_MODEL);
    String instanceId = engine.start("plain", Map.of()).id();

    engine.tasks.complete(ALICE, engine.onlyTask(instanceId).id(), Map.of("anything", "goes"));

    assertThat(engine.tasks.getVariables(ALICE, engine.onlyTask(instanceId).id()))
        .containsEntry("anything", "goes");
  }
}
