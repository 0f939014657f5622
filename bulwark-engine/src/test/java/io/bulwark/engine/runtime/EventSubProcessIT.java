package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Event sub-processes, after what Camunda's EventSubProcessTest, MessageEventSubprocessTest,
 * TimerStartEventSubprocessTest, ErrorEventSubProcessTest and EscalationEventSubprocessTest assert:
 * an interrupting start cancels the rest of its scope, a non-interrupting one runs beside it (again
 * for each message), error and escalation starts catch what is thrown inside the scope, and the
 * scope's subscriptions and timers go when it ends.
 */
class EventSubProcessIT {

  private static final String MESSAGE = "<bpmn:message id=\"m\" name=\"newMessage\"/>";

  @AutoClose private TestEngine engine;

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private long subscriptions() {
    return engine.count("SELECT COUNT(*) FROM bw_event_subscription");
  }

  private static String withEventSubProcess(String id, String startEvent, String definitions) {
    return Models.process(
        id,
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
            <bpmn:subProcess id="eventSubProcess" triggeredByEvent="true">
              %s
              <bpmn:userTask id="eventSubProcessTask"/>
              <bpmn:endEvent id="eventSubProcessEnd"/>
              <bpmn:sequenceFlow id="ef1" sourceRef="eventSubProcessStart"
                  targetRef="eventSubProcessTask"/>
              <bpmn:sequenceFlow id="ef2" sourceRef="eventSubProcessTask"
                  targetRef="eventSubProcessEnd"/>
            </bpmn:subProcess>
        """
            .formatted(startEvent),
        definitions);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void interruptingMessageStartCancelsTheScopeAndTheInstanceEndsWithIt(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "interrupting",
        withEventSubProcess(
            "interrupting",
            "<bpmn:startEvent id=\"eventSubProcessStart\">"
                + "<bpmn:messageEventDefinition messageRef=\"m\"/></bpmn:startEvent>",
            MESSAGE));
    ProcessInstance instance = engine.start("interrupting", Map.of());
    assertThat(active(instance)).containsExactly("task");
    assertThat(subscriptions()).isEqualTo(1);
    engine.runtimeService.correlateMessage(
        ALICE, MessageCorrelation.named("newMessage").withVariables(Map.of("why", "asked")));
    assertThat(active(instance)).containsExactly("eventSubProcess", "eventSubProcessTask");
    assertThat(subscriptions()).isZero();
    TaskView task = engine.onlyTask(instance.id());
    assertThat(task.taskDefinitionKey()).isEqualTo("eventSubProcessTask");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("why", "asked");
    engine.tasks.complete(ALICE, task.id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingMessageStartRunsBesideTheScopeForEachMessage(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "nonInterrupting",
        withEventSubProcess(
            "nonInterrupting",
            "<bpmn:startEvent id=\"eventSubProcessStart\" isInterrupting=\"false\">"
                + "<bpmn:messageEventDefinition messageRef=\"m\"/></bpmn:startEvent>",
            MESSAGE));
    ProcessInstance instance = engine.start("nonInterrupting", Map.of());
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("newMessage"));
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("newMessage"));
    assertThat(active(instance))
        .containsExactly(
            "eventSubProcess",
            "eventSubProcess",
            "eventSubProcessTask",
            "eventSubProcessTask",
            "task");
    for (TaskView task : engine.tasksOf(instance.id())) {
      if (task.taskDefinitionKey().equals("eventSubProcessTask")) {
        engine.tasks.complete(ALICE, task.id(), Map.of());
      }
    }
    assertThat(active(instance)).containsExactly("task");
    assertThat(subscriptions()).isEqualTo(1);
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void timerStartFiresOnceAndItsJobGoesWhenTheInstanceEndsFirst(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "timerStart",
        withEventSubProcess(
            "timerStart",
            "<bpmn:startEvent id=\"eventSubProcessStart\"><bpmn:timerEventDefinition>"
                + "<bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>"
                + "</bpmn:startEvent>",
            ""));
    ProcessInstance fired = engine.start("timerStart", Map.of());
    ProcessInstance finished = engine.start("timerStart", Map.of());
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isEqualTo(2);
    engine.fireTimer(fired.id(), "eventSubProcessStart");
    assertThat(active(fired)).containsExactly("eventSubProcess", "eventSubProcessTask");
    engine.tasks.complete(ALICE, engine.onlyTask(finished.id()).id(), Map.of());
    assertThat(state(finished)).isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void errorStartInsideASubProcessCatchesItsErrorAndTheSubProcessCompletes(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "errorInSub",
        Models.process(
            "errorInSub",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:subProcess id="sub">
                  <bpmn:startEvent id="ss"/>
                  <bpmn:endEvent id="throwError">
                    <bpmn:errorEventDefinition errorRef="err"/>
                  </bpmn:endEvent>
                  <bpmn:sequenceFlow id="sf1" sourceRef="ss" targetRef="throwError"/>
                  <bpmn:subProcess id="handler" triggeredByEvent="true">
                    <bpmn:startEvent id="catchError">
                      <bpmn:errorEventDefinition errorRef="err"
                          camunda:errorCodeVariable="caughtCode"/>
                    </bpmn:startEvent>
                    <bpmn:userTask id="handleError"/>
                    <bpmn:sequenceFlow id="hf1" sourceRef="catchError" targetRef="handleError"/>
                  </bpmn:subProcess>
                </bpmn:subProcess>
                <bpmn:userTask id="afterSub"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
                <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="afterSub"/>
            """,
            "<bpmn:error id=\"err\" errorCode=\"E42\"/>"));
    ProcessInstance instance = engine.start("errorInSub", Map.of());
    assertThat(active(instance)).containsExactly("handleError", "handler", "sub");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("caughtCode", "E42");
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(active(instance)).containsExactly("afterSub");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingEscalationStartRunsBesideTheThrower(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "escalation",
        Models.process(
            "escalation",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="raise">
                  <bpmn:escalationEventDefinition escalationRef="esc"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="raise"/>
                <bpmn:sequenceFlow id="f2" sourceRef="raise" targetRef="task"/>
                <bpmn:subProcess id="handler" triggeredByEvent="true">
                  <bpmn:startEvent id="catchEscalation" isInterrupting="false">
                    <bpmn:escalationEventDefinition escalationRef="esc"/>
                  </bpmn:startEvent>
                  <bpmn:userTask id="handleEscalation"/>
                  <bpmn:sequenceFlow id="hf1" sourceRef="catchEscalation"
                      targetRef="handleEscalation"/>
                </bpmn:subProcess>
            """,
            "<bpmn:escalation id=\"esc\" escalationCode=\"late\"/>"));
    ProcessInstance instance = engine.start("escalation", Map.of());
    assertThat(active(instance)).containsExactly("handleEscalation", "handler", "task");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void eventSubProcessesWithFlowsOrWithoutTriggerAreRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String noTrigger =
        withEventSubProcess("noTrigger", "<bpmn:startEvent id=\"eventSubProcessStart\"/>", "");
    assertThatThrownBy(() -> engine.deployXml("noTrigger", noTrigger))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("the start event of an event sub-process needs a trigger");
    String errorAtProcessLevel =
        Models.process(
            "errorStart",
            """
                <bpmn:startEvent id="s"><bpmn:errorEventDefinition/></bpmn:startEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("errorStart", errorAtProcessLevel))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("belong in event sub-processes");
  }
}
