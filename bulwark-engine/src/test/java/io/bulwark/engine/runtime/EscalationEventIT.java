package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Escalation events, after what Camunda's EscalationEventTest asserts: thrown by an intermediate
 * throw or end event, caught by the boundary event of the enclosing sub-process or call activity
 * (interrupting: the activity is cancelled; non-interrupting: the thrower goes on beside the new
 * token), the code in a variable, call activity outputs copied, uncaught escalations ignored.
 */
class EscalationEventIT {

  private static final String ESCALATION =
      "<bpmn:escalation id=\"esc\" name=\"escalation\" escalationCode=\"301\"/>";

  @AutoClose private TestEngine engine;

  private static String subProcessWith(String throwing, String boundary) {
    return Models.process(
        "escalating",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart"/>
              <bpmn:parallelGateway id="fork"/>
              <bpmn:userTask id="taskInSubprocess"/>
              %s
              <bpmn:userTask id="afterThrow"/>
              <bpmn:sequenceFlow id="sf1" sourceRef="subStart" targetRef="fork"/>
              <bpmn:sequenceFlow id="sf2" sourceRef="fork" targetRef="taskInSubprocess"/>
              <bpmn:sequenceFlow id="sf3" sourceRef="fork" targetRef="thrower"/>
              <bpmn:sequenceFlow id="sf4" sourceRef="thrower" targetRef="afterThrow"/>
            </bpmn:subProcess>
            %s
            <bpmn:userTask id="taskAfterCatchedEscalation"/>
            <bpmn:userTask id="taskAfterSubprocess"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="taskAfterSubprocess"/>
            <bpmn:sequenceFlow id="f3" sourceRef="caught" targetRef="taskAfterCatchedEscalation"/>
        """
            .formatted(throwing, boundary),
        ESCALATION);
  }

  private static final String THROW =
      "<bpmn:intermediateThrowEvent id=\"thrower\">"
          + "<bpmn:escalationEventDefinition escalationRef=\"esc\"/></bpmn:intermediateThrowEvent>";

  private java.util.List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void interruptingBoundaryCancelsTheSubProcessWithTheThrower(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "escalating",
        subProcessWith(
            THROW,
            "<bpmn:boundaryEvent id=\"caught\" attachedToRef=\"sub\">"
                + "<bpmn:escalationEventDefinition escalationRef=\"esc\""
                + " camunda:escalationCodeVariable=\"code\"/></bpmn:boundaryEvent>"));
    ProcessInstance instance = engine.start("escalating", Map.of());
    assertThat(active(instance)).containsExactly("taskAfterCatchedEscalation");
    assertThat(engine.tasksOf(instance.id())).hasSize(1);
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("code", "301");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingBoundaryAddsATokenAndTheThrowerGoesOn(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "escalating",
        subProcessWith(
            THROW,
            "<bpmn:boundaryEvent id=\"caught\" attachedToRef=\"sub\" cancelActivity=\"false\">"
                + "<bpmn:escalationEventDefinition/></bpmn:boundaryEvent>"));
    ProcessInstance instance = engine.start("escalating", Map.of());
    assertThat(active(instance))
        .containsExactlyInAnyOrder(
            "sub", "taskInSubprocess", "afterThrow", "taskAfterCatchedEscalation");
    for (var task : engine.tasksOf(instance.id())) {
      engine.tasks.complete(ALICE, task.id(), Map.of());
    }
    assertThat(active(instance)).containsExactly("taskAfterSubprocess");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void escalationEndEventIsCaughtAndAnUncaughtOneIsIgnored(EngineDatabase db) {
    engine = new TestEngine(db);
    String end =
        "<bpmn:endEvent id=\"thrower\"><bpmn:escalationEventDefinition escalationRef=\"esc\"/>"
            + "</bpmn:endEvent>";
    engine.deployXml(
        "escalating",
        subProcessWith(
                end,
                "<bpmn:boundaryEvent id=\"caught\" attachedToRef=\"sub\" cancelActivity=\"false\">"
                    + "<bpmn:escalationEventDefinition escalationRef=\"esc\"/></bpmn:boundaryEvent>")
            .replace(
                "<bpmn:sequenceFlow id=\"sf4\" sourceRef=\"thrower\" targetRef=\"afterThrow\"/>",
                ""));
    ProcessInstance caught = engine.start("escalating", Map.of());
    assertThat(active(caught))
        .containsExactlyInAnyOrder("sub", "taskInSubprocess", "taskAfterCatchedEscalation");
    engine.deployXml(
        "uncaught",
        Models.process(
            "uncaught",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="thrower">
                  <bpmn:escalationEventDefinition escalationRef="esc"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="thrower"/>
                <bpmn:sequenceFlow id="f2" sourceRef="thrower" targetRef="after"/>
            """,
            ESCALATION));
    ProcessInstance uncaught = engine.start("uncaught", Map.of());
    assertThat(active(uncaught)).containsExactly("after");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void escalationFromACalledProcessIsCaughtAtTheCallActivityWithItsOutputs(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "child",
        Models.process(
            "child",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="thrower">
                  <bpmn:escalationEventDefinition escalationRef="esc"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:userTask id="childTask"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="thrower"/>
                <bpmn:sequenceFlow id="f2" sourceRef="thrower" targetRef="childTask"/>
            """,
            ESCALATION));
    engine.deployXml(
        "parent",
        Models.process(
            "parent",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:callActivity id="call" calledElement="child">
                  <bpmn:extensionElements>
                    <camunda:in source="input" target="input"/>
                    <camunda:out source="input" target="output"/>
                  </bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:boundaryEvent id="caught" attachedToRef="call">
                  <bpmn:escalationEventDefinition escalationRef="esc"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="afterCatch"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
                <bpmn:sequenceFlow id="f2" sourceRef="caught" targetRef="afterCatch"/>
            """,
            ESCALATION));
    ProcessInstance parent = engine.start("parent", Map.of("input", 42));
    assertThat(active(parent)).containsExactly("afterCatch");
    assertThat(engine.runtimeService.getVariables(ALICE, parent.id())).containsEntry("output", 42L);
    assertThat(
            engine.count("SELECT COUNT(*) FROM bw_execution WHERE super_execution_id IS NOT NULL"))
        .isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_task")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void escalationBoundaryOnATaskAndAThrowWithoutCodeAreRejected(EngineDatabase db) {
    engine = new TestEngine(db);
    String onTask =
        Models.process(
            "onTask",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:boundaryEvent id="b" attachedToRef="task">
                  <bpmn:escalationEventDefinition/>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("onTask", onTask))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("attaches only to a sub-process or call activity");
    String noCode =
        Models.process(
            "noCode",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:endEvent id="e"><bpmn:escalationEventDefinition escalationRef="x"/>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e"/>
            """,
            "<bpmn:escalation id=\"x\" name=\"no code\"/>");
    assertThatThrownBy(() -> engine.deployXml("noCode", noCode))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("needs an escalationRef to a bpmn:escalation with an escalationCode");
  }
}
