package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A task's candidate links have no foreign key to the task (V25: its check cost every start a row
 * lock), so the engine removes them itself on every path that removes the task: completion,
 * deletion of the instance, and an interrupting boundary event.
 */
class TaskLinksIT {

  private static final String LINKS = "SELECT COUNT(*) FROM bw_task_identity_link";
  private static final String LINKS_OF_TASK =
      "SELECT COUNT(*) FROM bw_task_identity_link WHERE task_id = ?";

  @AutoClose private TestEngine engine;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void theLinkTableHasNoForeignKey(EngineDatabase database) {
    engine = new TestEngine(database);

    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM information_schema.table_constraints"
                    + " WHERE LOWER(table_name) = 'bw_task_identity_link'"
                    + " AND constraint_type = 'FOREIGN KEY'"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void completingATaskRemovesItsLinks(EngineDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml(
        "linked",
        Models.oneTask(
            "linked", "camunda:candidateGroups=\"accounting\" camunda:candidateUsers=\"bob\""));
    ProcessInstance kept = engine.start("linked", Map.of());
    ProcessInstance completed = engine.start("linked", Map.of());
    String taskId = engine.onlyTask(completed.id()).id();
    assertThat(engine.count(LINKS_OF_TASK, taskId)).isEqualTo(2);

    engine.tasks.complete(ALICE, taskId, Map.of());

    assertThat(engine.count(LINKS_OF_TASK, taskId)).isZero();
    assertThat(engine.count(LINKS_OF_TASK, engine.onlyTask(kept.id()).id())).isEqualTo(2);
    assertThat(engine.count(LINKS)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void deletingTheInstanceRemovesTheLinksOfItsTasks(EngineDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml("linked", Models.oneTask("linked", "camunda:candidateGroups=\"accounting\""));
    ProcessInstance instance = engine.start("linked", Map.of());
    assertThat(engine.count(LINKS)).isEqualTo(1);

    engine.runtimeService.deleteProcessInstance(ALICE, instance.id(), "withdrawn");

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isZero();
    assertThat(engine.count(LINKS)).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anInterruptingTimerRemovesTheLinksOfTheTaskItCancels(EngineDatabase database) {
    engine = new TestEngine(database);
    engine.deployXml(
        "reminded",
        Models.process(
            "reminded",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task" camunda:candidateGroups="accounting"/>
                <bpmn:boundaryEvent id="late" attachedToRef="task" cancelActivity="true">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDuration>PT1H</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="done"/>
                <bpmn:endEvent id="escalated"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="done"/>
                <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="escalated"/>
            """));
    ProcessInstance instance = engine.start("reminded", Map.of());
    assertThat(engine.count(LINKS)).isEqualTo(1);

    engine.fireTimer(instance.id(), "late");

    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isZero();
    assertThat(engine.count(LINKS)).isZero();
    assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
  }
}
