package io.bulwark.engine.task;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import io.bulwark.engine.runtime.TestEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Tasklist asks of the engine beyond tasks: the processes a user may start, the model XML, and
 * the double type and pattern constraint of form fields (W10).
 */
class TasklistQueriesIT {

  @AutoClose private TestEngine engine;

  private static String oneTask(String key, String name, int priority, String due) {
    return Models.process(
        key,
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="t" name="%s" camunda:priority="%d" camunda:dueDate="%s"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
        """
            .formatted(name, priority, due));
  }

  private static final String FORM =
      Models.process(
          "order",
          """
              <bpmn:startEvent id="s"/>
              <bpmn:userTask id="t" name="Order">
                <bpmn:extensionElements>
                  <camunda:formData>
                    <camunda:formField id="weight" label="Weight" type="double">
                      <camunda:validation>
                        <camunda:constraint name="min" config="0"/>
                        <camunda:constraint name="max" config="50"/>
                      </camunda:validation>
                    </camunda:formField>
                    <camunda:formField id="zip" label="Postcode" type="string">
                      <camunda:validation>
                        <camunda:constraint name="pattern" config="[0-9]{5}"/>
                      </camunda:validation>
                    </camunda:formField>
                  </camunda:formData>
                </bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:endEvent id="e"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
              <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
          """);

  private void deployThree() {
    engine.deployXml("a", oneTask("a", "Approve invoice", 10, "2026-01-10T00:00:00Z"));
    engine.deployXml("b", oneTask("b", "Check 100% of_items", 50, "2026-03-10T00:00:00Z"));
    engine.deployXml("c", oneTask("c", "Ship parcel", 90, "2026-02-10T00:00:00Z"));
    engine.start("a", Map.of());
    engine.start("b", Map.of());
    engine.start("c", Map.of());
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void startableDefinitionsAreTheLatestVersionsAndTheModelXmlIsReadable(EngineDatabase database) {
    engine = new TestEngine(database);
    deployThree();
    engine.deployXml("a", oneTask("a", "Approve invoice again", 10, "2026-01-10T00:00:00Z"));

    List<ProcessDefinition> startable =
        engine.repository.findStartableProcessDefinitions(ALICE, 0, 10).items();

    assertThat(startable).extracting(ProcessDefinition::key).containsExactly("a", "b", "c");
    assertThat(startable.get(0).version()).isEqualTo(2);
    assertThat(
            new String(
                engine.repository.getProcessDefinitionXml(ALICE, startable.get(0).id()).bytes(),
                StandardCharsets.UTF_8))
        .contains("Approve invoice again");
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w10_doubleFieldsAndPatternsAreEnforcedOnCompletion(EngineDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml("order", FORM);
    String taskId = engine.onlyTask(engine.start("order", Map.of()).id()).id();

    List<TaskFormField> fields = engine.tasks.getFormFields(ALICE, taskId);
    assertThat(fields.get(0).type()).isEqualTo("double");
    assertThat(fields.get(1).pattern()).isEqualTo("[0-9]{5}");

    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, Map.of("weight", 50.5)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).containsExactly("max"));
    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, Map.of("weight", "7")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.rules()).containsExactly("type"));
    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, Map.of("zip", "1234x")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("zip");
              assertThat(e.rules()).containsExactly("pattern");
            });
    assertThatThrownBy(() -> engine.tasks.complete(ALICE, taskId, Map.of("zip", "123456")))
        .isInstanceOf(ValidationException.class);

    engine.tasks.complete(ALICE, taskId, Map.of("weight", 12.5, "zip", "10115"));
    assertThat(engine.tasks.findTasks(ALICE, TaskQuery.all()).total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2"})
  void w10_aPatternThatDoesNotCompileIsRefusedAtDeployment(EngineDatabase database) {
    engine = new TestEngine(database);
    String broken = FORM.replace("[0-9]{5}", "([0-9]");
    assertThatThrownBy(() -> engine.deployXml("order", broken))
        .isInstanceOf(BulwarkException.class)
        .hasMessageContaining("pattern");
  }
}
