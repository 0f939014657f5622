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
 * Untyped tasks, manual tasks and none intermediate throw events pass the token on at once, as in
 * Camunda's TaskTest, ManualTaskTest and IntermediateNoneEventTest: each is recorded in history as
 * started and ended, and the instance goes on (or ends).
 */
class PassThroughElementsIT {

  @AutoClose private TestEngine engine;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void taskManualTaskAndNoneThrowEventPassThroughAndAreRecorded(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "pass",
        Models.process(
            "pass",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:task id="untyped" name="Think"/>
                <bpmn:manualTask id="manual" name="Phone the customer"/>
                <bpmn:intermediateThrowEvent id="reached" name="Customer called"/>
                <bpmn:userTask id="check"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="untyped"/>
                <bpmn:sequenceFlow id="f2" sourceRef="untyped" targetRef="manual"/>
                <bpmn:sequenceFlow id="f3" sourceRef="manual" targetRef="reached"/>
                <bpmn:sequenceFlow id="f4" sourceRef="reached" targetRef="check"/>
                <bpmn:sequenceFlow id="f5" sourceRef="check" targetRef="e"/>
            """));
    ProcessInstance instance = engine.start("pass", Map.of("x", 1));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("check");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_type IN ('task', 'manualTask', 'intermediateThrowEvent')"
                    + " AND ended_at IS NOT NULL",
                instance.id()))
        .isEqualTo(3);
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void asyncBeforeOnAManualTaskWaitsInAJobThenPassesThrough(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "asyncManual",
        Models.process(
            "asyncManual",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:manualTask id="manual" camunda:asyncBefore="true"/>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="manual"/>
                <bpmn:sequenceFlow id="f2" sourceRef="manual" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("asyncManual", Map.of());
    // The test engine runs due continuations after each command, as the job executor would.
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE activity_id = 'manual'"
                    + " AND ended_at IS NOT NULL"))
        .isEqualTo(1);
  }
}
