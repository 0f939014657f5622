package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compensation, after what Camunda's CompensateEventTest and CompensateEventHistoryTest assert: a
 * compensation throw event runs the {@code isForCompensation} handlers of the completed activities
 * of its scope (or of {@code activityRef} only) in reverse order of completion and waits for them;
 * completed sub-processes are compensated through their content; a multi-instance activity once per
 * instance; history records the handlers; no subscription is left when the instance ends or is
 * deleted.
 */
class CompensationIT {

  @AutoClose private TestEngine engine;

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private List<String> taskKeys(ProcessInstance instance) {
    return engine.tasksOf(instance.id()).stream().map(TaskView::taskDefinitionKey).toList();
  }

  private void complete(ProcessInstance instance, String taskKey) {
    TaskView task =
        engine.tasksOf(instance.id()).stream()
            .filter(t -> t.taskDefinitionKey().equals(taskKey))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no task " + taskKey + " in " + instance.id()));
    engine.tasks.complete(ALICE, task.id(), Map.of());
  }

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  private long subscriptions() {
    return engine.count("SELECT COUNT(*) FROM bw_compensation_subscription");
  }

  private long historyOf(ProcessInstance instance, String activityId) {
    return engine.count(
        "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
            + " AND activity_id = ?",
        instance.id(),
        activityId);
  }

  /** Two booking tasks with handlers, then a compensation throw event ({@code throwDefinition}). */
  private static String bookings(String id, String throwDefinition) {
    return Models.process(
        id,
        """
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="bookHotel"/>
            <bpmn:userTask id="bookFlight"/>
            <bpmn:intermediateThrowEvent id="throwCompensate">%s</bpmn:intermediateThrowEvent>
            <bpmn:userTask id="beforeEnd"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bookHotel"/>
            <bpmn:sequenceFlow id="f2" sourceRef="bookHotel" targetRef="bookFlight"/>
            <bpmn:sequenceFlow id="f3" sourceRef="bookFlight" targetRef="throwCompensate"/>
            <bpmn:sequenceFlow id="f4" sourceRef="throwCompensate" targetRef="beforeEnd"/>
            <bpmn:sequenceFlow id="f5" sourceRef="beforeEnd" targetRef="end"/>
            <bpmn:boundaryEvent id="hotelEvt" attachedToRef="bookHotel">
              <bpmn:compensateEventDefinition/>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="flightEvt" attachedToRef="bookFlight">
              <bpmn:compensateEventDefinition/>
            </bpmn:boundaryEvent>
            <bpmn:task id="undoBookHotel" isForCompensation="true">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:outputParameter name="undone">${undone}H</camunda:outputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:task>
            <bpmn:task id="undoBookFlight" isForCompensation="true">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:outputParameter name="undone">${undone}F</camunda:outputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:task>
            <bpmn:association id="a1" sourceRef="hotelEvt" targetRef="undoBookHotel"/>
            <bpmn:association id="a2" sourceRef="flightEvt" targetRef="undoBookFlight"/>
        """
            .formatted(throwDefinition));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void compensatesEveryCompletedActivityInReverseOrderOfCompletion(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("scope", bookings("scope", "<bpmn:compensateEventDefinition/>"));
    ProcessInstance instance = engine.start("scope", Map.of("undone", ""));
    complete(instance, "bookHotel");
    assertThat(subscriptions()).isEqualTo(1);
    complete(instance, "bookFlight");
    assertThat(active(instance)).containsExactly("beforeEnd");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("undone", "FH");
    assertThat(historyOf(instance, "undoBookHotel")).isEqualTo(1);
    assertThat(historyOf(instance, "undoBookFlight")).isEqualTo(1);
    assertThat(subscriptions()).isZero();
    complete(instance, "beforeEnd");
    assertThat(state(instance)).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void activityRefCompensatesThatActivityOnly(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "ref", bookings("ref", "<bpmn:compensateEventDefinition activityRef=\"bookHotel\"/>"));
    ProcessInstance instance = engine.start("ref", Map.of("undone", ""));
    complete(instance, "bookHotel");
    complete(instance, "bookFlight");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("undone", "H");
    assertThat(historyOf(instance, "undoBookFlight")).isZero();
    complete(instance, "beforeEnd");
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void throwEventWaitsForWaitingHandlersAndDeletionLeavesNothing(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "waiting",
        Models.process(
            "waiting",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="activity"/>
                <bpmn:intermediateThrowEvent id="throwCompensate">
                  <bpmn:compensateEventDefinition activityRef="activity"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:userTask id="beforeEnd"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="activity"/>
                <bpmn:sequenceFlow id="f2" sourceRef="activity" targetRef="throwCompensate"/>
                <bpmn:sequenceFlow id="f3" sourceRef="throwCompensate" targetRef="beforeEnd"/>
                <bpmn:boundaryEvent id="compensateBoundaryEvent" attachedToRef="activity">
                  <bpmn:compensateEventDefinition/>
                </bpmn:boundaryEvent>
                <bpmn:subProcess id="compensationHandler" isForCompensation="true">
                  <bpmn:startEvent id="subProcessStart"/>
                  <bpmn:userTask id="subProcessTask"/>
                  <bpmn:sequenceFlow id="s1" sourceRef="subProcessStart"
                      targetRef="subProcessTask"/>
                </bpmn:subProcess>
                <bpmn:association id="a1" sourceRef="compensateBoundaryEvent"
                    targetRef="compensationHandler"/>
            """));
    ProcessInstance instance = engine.start("waiting", Map.of());
    complete(instance, "activity");
    assertThat(taskKeys(instance)).containsExactly("subProcessTask");
    assertThat(active(instance)).contains("subProcessTask").doesNotContain("beforeEnd");
    complete(instance, "subProcessTask");
    assertThat(taskKeys(instance)).containsExactly("beforeEnd");
    assertThat(historyOf(instance, "compensationHandler")).isEqualTo(1);

    ProcessInstance deleted = engine.start("waiting", Map.of());
    complete(deleted, "activity");
    engine.runtimeService.deleteProcessInstance(ALICE, deleted.id(), "test");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_execution WHERE process_instance_id = ?", deleted.id()))
        .isZero();
    complete(instance, "beforeEnd");
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void compensatingACompletedSubProcessCompensatesItsActivities(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "inSub",
        Models.process(
            "inSub",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:subProcess id="subprocess">
                  <bpmn:startEvent id="startInScope"/>
                  <bpmn:userTask id="scopeTask"/>
                  <bpmn:endEvent id="endInScope"/>
                  <bpmn:sequenceFlow id="s1" sourceRef="startInScope" targetRef="scopeTask"/>
                  <bpmn:sequenceFlow id="s2" sourceRef="scopeTask" targetRef="endInScope"/>
                  <bpmn:boundaryEvent id="compensateScopeTask" attachedToRef="scopeTask">
                    <bpmn:compensateEventDefinition/>
                  </bpmn:boundaryEvent>
                  <bpmn:userTask id="undoScopeTask" isForCompensation="true"/>
                  <bpmn:association id="a1" sourceRef="compensateScopeTask"
                      targetRef="undoScopeTask"/>
                </bpmn:subProcess>
                <bpmn:receiveTask id="beforeCompensate"/>
                <bpmn:intermediateThrowEvent id="throwCompensate">
                  <bpmn:compensateEventDefinition activityRef="subprocess"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:receiveTask id="beforeEnd"/>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="subprocess"/>
                <bpmn:sequenceFlow id="f2" sourceRef="subprocess" targetRef="beforeCompensate"/>
                <bpmn:sequenceFlow id="f3" sourceRef="beforeCompensate"
                    targetRef="throwCompensate"/>
                <bpmn:sequenceFlow id="f4" sourceRef="throwCompensate" targetRef="beforeEnd"/>
                <bpmn:sequenceFlow id="f5" sourceRef="beforeEnd" targetRef="end"/>
            """));
    ProcessInstance instance = engine.start("inSub", Map.of());
    complete(instance, "scopeTask");
    assertThat(subscriptions()).isEqualTo(2); // the task's, kept behind the sub-process's
    engine.runtimeService.trigger(ALICE, instance.id(), "beforeCompensate", null);
    assertThat(taskKeys(instance)).containsExactly("undoScopeTask");
    complete(instance, "undoScopeTask");
    assertThat(active(instance)).containsExactly("beforeEnd");
    engine.runtimeService.trigger(ALICE, instance.id(), "beforeEnd", null);
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void multiInstanceActivityIsCompensatedPerInstanceByAnEndEvent(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "mi",
        Models.process(
            "mi",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="bookHotel">
                  <bpmn:multiInstanceLoopCharacteristics isSequential="false">
                    <bpmn:loopCardinality>3</bpmn:loopCardinality>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:userTask>
                <bpmn:endEvent id="throwingCompensation">
                  <bpmn:compensateEventDefinition/>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bookHotel"/>
                <bpmn:sequenceFlow id="f2" sourceRef="bookHotel"
                    targetRef="throwingCompensation"/>
                <bpmn:boundaryEvent id="hotelEvt" attachedToRef="bookHotel">
                  <bpmn:compensateEventDefinition/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="undoBookHotel" isForCompensation="true"/>
                <bpmn:association id="a1" sourceRef="hotelEvt" targetRef="undoBookHotel"/>
            """));
    ProcessInstance instance = engine.start("mi", Map.of());
    for (int i = 0; i < 3; i++) {
      complete(instance, "bookHotel");
    }
    assertThat(taskKeys(instance))
        .containsExactly("undoBookHotel", "undoBookHotel", "undoBookHotel");
    for (int i = 0; i < 3; i++) {
      complete(instance, "undoBookHotel");
    }
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(historyOf(instance, "undoBookHotel")).isEqualTo(3);
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void compensationEventSubProcessCompensatesItsSubProcess(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "esp",
        Models.process(
            "esp",
            """
                <bpmn:startEvent id="start"/>
                <bpmn:subProcess id="booking">
                  <bpmn:startEvent id="startSub"/>
                  <bpmn:userTask id="bookFlight"/>
                  <bpmn:boundaryEvent id="flightEvt" attachedToRef="bookFlight">
                    <bpmn:compensateEventDefinition/>
                  </bpmn:boundaryEvent>
                  <bpmn:userTask id="cancelFlight" isForCompensation="true"/>
                  <bpmn:sequenceFlow id="s1" sourceRef="startSub" targetRef="bookFlight"/>
                  <bpmn:subProcess id="compensationSubProcess" triggeredByEvent="true">
                    <bpmn:startEvent id="compensationStart">
                      <bpmn:compensateEventDefinition/>
                    </bpmn:startEvent>
                    <bpmn:intermediateThrowEvent id="compensateFlight">
                      <bpmn:compensateEventDefinition activityRef="bookFlight"/>
                    </bpmn:intermediateThrowEvent>
                    <bpmn:userTask id="updateCustomerRecord"/>
                    <bpmn:sequenceFlow id="c1" sourceRef="compensationStart"
                        targetRef="compensateFlight"/>
                    <bpmn:sequenceFlow id="c2" sourceRef="compensateFlight"
                        targetRef="updateCustomerRecord"/>
                  </bpmn:subProcess>
                  <bpmn:association id="a1" sourceRef="flightEvt" targetRef="cancelFlight"/>
                </bpmn:subProcess>
                <bpmn:userTask id="validateBooking"/>
                <bpmn:endEvent id="throwCompensation">
                  <bpmn:compensateEventDefinition/>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="booking"/>
                <bpmn:sequenceFlow id="f2" sourceRef="booking" targetRef="validateBooking"/>
                <bpmn:sequenceFlow id="f3" sourceRef="validateBooking"
                    targetRef="throwCompensation"/>
            """));
    ProcessInstance instance = engine.start("esp", Map.of());
    complete(instance, "bookFlight");
    complete(instance, "validateBooking");
    assertThat(taskKeys(instance)).containsExactly("cancelFlight");
    assertThat(active(instance)).contains("cancelFlight").doesNotContain("updateCustomerRecord");
    complete(instance, "cancelFlight");
    assertThat(taskKeys(instance)).containsExactly("updateCustomerRecord");
    complete(instance, "updateCustomerRecord");
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(historyOf(instance, "compensationSubProcess")).isEqualTo(1);
    assertThat(subscriptions()).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }
}
