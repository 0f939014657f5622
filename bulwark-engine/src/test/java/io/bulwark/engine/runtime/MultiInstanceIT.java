package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Multi-instance activities, after what Camunda's MultiInstanceTest asserts: how many tasks are
 * active, the {@code loopCounter}, element and {@code nrOf…} variables each run sees, the order of
 * sequential runs, the completion condition ending the remaining runs, a boundary event on the
 * whole activity, sub-processes and call activities as runs, and the instance ending with no rows
 * left.
 */
class MultiInstanceIT {

  @AutoClose private TestEngine engine;

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  private void deploy(String key, String loop, String activity) {
    engine.deployXml(
        key,
        Models.process(
            key,
            """
                <bpmn:startEvent id="s"/>
                %s
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="miTasks"/>
                <bpmn:sequenceFlow id="f2" sourceRef="miTasks" targetRef="after"/>
            """
                .formatted(activity.formatted(loop))));
  }

  private static final String USER_TASK =
      "<bpmn:userTask id=\"miTasks\" camunda:assignee=\"${assignee}\">%s</bpmn:userTask>";

  private void assertNoRowsLeft() {
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void parallelCardinalityCreatesAllRunsWithTheirLoopCounters(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "parallel",
        "<bpmn:multiInstanceLoopCharacteristics>"
            + "<bpmn:loopCardinality>${count}</bpmn:loopCardinality>"
            + "</bpmn:multiInstanceLoopCharacteristics>",
        "<bpmn:userTask id=\"miTasks\">%s</bpmn:userTask>");
    ProcessInstance instance = engine.start("parallel", Map.of("count", 3));
    List<TaskView> tasks = engine.tasksOf(instance.id());
    assertThat(tasks).hasSize(3);
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("miTasks", "miTasks", "miTasks");
    assertThat(tasks)
        .extracting(t -> engine.tasks.getVariables(ALICE, t.id()).get("loopCounter"))
        .containsExactlyInAnyOrder(0L, 1L, 2L);
    Map<String, Object> seen = engine.tasks.getVariables(ALICE, tasks.get(0).id());
    assertThat(seen)
        .containsEntry("nrOfInstances", 3L)
        .containsEntry("nrOfActiveInstances", 3L)
        .containsEntry("nrOfCompletedInstances", 0L);
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id())).containsOnlyKeys("count");
    engine.tasks.complete(ALICE, tasks.get(0).id(), Map.of());
    assertThat(engine.tasks.getVariables(ALICE, tasks.get(1).id()))
        .containsEntry("nrOfActiveInstances", 2L)
        .containsEntry("nrOfCompletedInstances", 1L);
    engine.tasks.complete(ALICE, tasks.get(1).id(), Map.of());
    engine.tasks.complete(ALICE, tasks.get(2).id(), Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_id = 'miTasks#multiInstanceBody'"
                    + " AND activity_type = 'multiInstanceBody' AND ended_at IS NOT NULL",
                instance.id()))
        .isEqualTo(1);
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_id = 'miTasks' AND ended_at IS NOT NULL",
                instance.id()))
        .isEqualTo(3);
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertNoRowsLeft();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void sequentialCollectionRunsOneAfterAnotherWithTheElementVariable(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "sequential",
        "<bpmn:multiInstanceLoopCharacteristics isSequential=\"true\""
            + " camunda:collection=\"assigneeList\" camunda:elementVariable=\"assignee\"/>",
        USER_TASK);
    ProcessInstance instance =
        engine.start("sequential", Map.of("assigneeList", List.of("kermit", "gonzo", "fozzie")));
    for (String expected : List.of("kermit", "gonzo", "fozzie")) {
      TaskView task = engine.onlyTask(instance.id());
      assertThat(task.assignee()).isEqualTo(expected);
      assertThat(engine.tasks.getVariables(ALICE, task.id()))
          .containsEntry("assignee", expected)
          .containsEntry("nrOfActiveInstances", 1L)
          .containsEntry("nrOfInstances", 3L);
      engine.tasks.complete(ALICE, task.id(), Map.of());
    }
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsOnlyKeys("assigneeList");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void completionConditionEndsTheRemainingRuns(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "condition",
        "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"${assignees}\""
            + " camunda:elementVariable=\"assignee\">"
            + "<bpmn:completionCondition>${nrOfCompletedInstances/nrOfInstances >= 0.6}"
            + "</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>",
        USER_TASK);
    ProcessInstance instance =
        engine.start("condition", Map.of("assignees", List.of("a", "b", "c", "d", "e")));
    List<TaskView> tasks = engine.tasksOf(instance.id());
    assertThat(tasks)
        .extracting(TaskView::assignee)
        .containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    for (int i = 0; i < 3; i++) {
      engine.tasks.complete(ALICE, tasks.get(i).id(), Map.of());
    }
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    assertThat(engine.tasksOf(instance.id())).hasSize(1);
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_task WHERE process_instance_id = ?"
                    + " AND delete_reason = 'deleted'",
                instance.id()))
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void emptyCollectionAndZeroCardinalityPassThrough(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "empty",
        "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"items\""
            + " camunda:elementVariable=\"assignee\"/>",
        USER_TASK);
    ProcessInstance instance = engine.start("empty", Map.of("items", List.of()));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e8_tooManyRunsFailTheStartAndWriteNothing(EngineDatabase db) {
    engine = new TestEngine(db);
    deploy(
        "huge",
        "<bpmn:multiInstanceLoopCharacteristics>"
            + "<bpmn:loopCardinality>${count}</bpmn:loopCardinality>"
            + "</bpmn:multiInstanceLoopCharacteristics>",
        "<bpmn:userTask id=\"miTasks\">%s</bpmn:userTask>");
    assertThatThrownBy(() -> engine.start("huge", Map.of("count", 1_000_000)))
        .hasMessageContaining("at most 1000 are allowed (E8)");
    assertNoRowsLeft();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void boundaryTimerOnTheActivityCancelsEveryRun(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "miTimeout",
        Models.process(
            "miTimeout",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="miTasks">
                  <bpmn:multiInstanceLoopCharacteristics>
                    <bpmn:loopCardinality>2</bpmn:loopCardinality>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:userTask>
                <bpmn:boundaryEvent id="timeout" attachedToRef="miTasks">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="late"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="miTasks"/>
                <bpmn:sequenceFlow id="f2" sourceRef="timeout" targetRef="late"/>
            """));
    ProcessInstance instance = engine.start("miTimeout", Map.of());
    assertThat(engine.tasksOf(instance.id())).hasSize(2);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isEqualTo(1);
    engine.fireTimer(instance.id(), "timeout");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("late");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable WHERE scope_id <> ?", instance.id()))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void parallelSubProcessRunsEachHaveTheirOwnScope(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "miSub",
        Models.process(
            "miSub",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:subProcess id="sub">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="label">review by ${reviewer}</camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}"
                      camunda:elementVariable="reviewer"/>
                  <bpmn:startEvent id="ss"/>
                  <bpmn:userTask id="review" camunda:assignee="${reviewer}"/>
                  <bpmn:endEvent id="se"/>
                  <bpmn:sequenceFlow id="sf1" sourceRef="ss" targetRef="review"/>
                  <bpmn:sequenceFlow id="sf2" sourceRef="review" targetRef="se"/>
                </bpmn:subProcess>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
                <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="e"/>
            """));
    ProcessInstance instance = engine.start("miSub", Map.of("reviewers", List.of("ann", "bob")));
    List<TaskView> tasks = engine.tasksOf(instance.id());
    assertThat(tasks).extracting(TaskView::assignee).containsExactlyInAnyOrder("ann", "bob");
    for (TaskView task : tasks) {
      assertThat(engine.tasks.getVariables(ALICE, task.id()))
          .containsEntry("label", "review by " + task.assignee());
    }
    engine.tasks.complete(ALICE, tasks.get(0).id(), Map.of("verdict", "ok"));
    assertThat(engine.tasksOf(instance.id())).hasSize(1);
    engine.tasks.complete(ALICE, tasks.get(1).id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertNoRowsLeft();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void callActivityRunsStartOneCalledInstanceEach(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "called",
        Models.process(
            "called",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="calledTask"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="calledTask"/>
                <bpmn:sequenceFlow id="f2" sourceRef="calledTask" targetRef="e"/>
            """));
    engine.deployXml(
        "caller",
        Models.process(
            "caller",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:callActivity id="call" calledElement="called">
                  <bpmn:extensionElements>
                    <camunda:in source="loopCounter" target="run"/>
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                    <bpmn:loopCardinality>2</bpmn:loopCardinality>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:callActivity>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e"/>
            """));
    ProcessInstance caller = engine.start("caller", Map.of());
    for (long run = 0; run < 2; run++) {
      TaskView task =
          engine.tasks.findTasks(ALICE, io.bulwark.engine.api.TaskQuery.all()).items().get(0);
      assertThat(engine.tasks.getVariables(ALICE, task.id())).containsEntry("run", run);
      engine.tasks.complete(ALICE, task.id(), Map.of());
    }
    assertThat(state(caller)).isEqualTo("COMPLETED");
    assertNoRowsLeft();
  }
}
