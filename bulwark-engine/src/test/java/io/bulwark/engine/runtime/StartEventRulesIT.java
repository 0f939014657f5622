package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Camunda's parser refuses, refused too (EscalationEventParseInvalidProcessTest,
 * SignalEventParseInvalidProcessTest): escalation event sub-processes of one scope with the same
 * code, with and without code, or several without; two signal start events of one scope with the
 * same signal name; two bpmn:signal elements with the same name. Each problem names the element,
 * and nothing is deployed.
 */
class StartEventRulesIT {

  private static final String ESCALATION =
      "<bpmn:escalation id=\"esc\" escalationCode=\"escalationCode\"/>"
          + "<bpmn:escalation id=\"noCode\"/>";

  @AutoClose private TestEngine engine;

  private static String escalationSubProcess(String id, String ref, boolean interrupting) {
    return """
        <bpmn:subProcess id="%s" triggeredByEvent="true">
          <bpmn:startEvent id="%sStart" isInterrupting="%s">
            <bpmn:escalationEventDefinition %s/>
          </bpmn:startEvent>
          <bpmn:userTask id="%sTask"/>
          <bpmn:sequenceFlow id="%sFlow" sourceRef="%sStart" targetRef="%sTask"/>
        </bpmn:subProcess>
        """
        .formatted(
            id,
            id,
            interrupting,
            ref == null ? "" : "escalationRef=\"" + ref + "\"",
            id,
            id,
            id,
            id);
  }

  private void assertRefused(String key, String body, String definitions, String... parts) {
    String xml =
        Models.process(
            key,
            """
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="task"/>
                <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task"/>
            """
                + body,
            definitions);
    var thrown =
        assertThatThrownBy(() -> engine.deployXml(key, xml))
            .isInstanceOf(BpmnValidationException.class);
    for (String part : parts) {
      thrown.hasMessageContaining(part);
    }
    assertThat(engine.count("SELECT COUNT(*) FROM bw_process_definition")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void escalationEventSubProcessesOfOneScopeNeedDistinctCodes(EngineDatabase db) {
    engine = new TestEngine(db);
    assertRefused(
        "sameCode",
        escalationSubProcess("first", "esc", false) + escalationSubProcess("second", "esc", true),
        ESCALATION,
        "secondStart",
        "more than one escalation event sub-process with the escalation code 'escalationCode'");
    assertRefused(
        "withAndWithout",
        escalationSubProcess("first", "esc", false) + escalationSubProcess("second", null, false),
        ESCALATION,
        "secondStart",
        "without escalation code beside one with a code");
    assertRefused(
        "twoWithout",
        escalationSubProcess("first", "noCode", false)
            + escalationSubProcess("second", null, false),
        ESCALATION,
        "secondStart",
        "more than one escalation event sub-process without escalation code");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void escalationEventSubProcessesInDifferentScopesMayShareACode(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "nested",
        Models.process(
            "nested",
            escalationSubProcess("outer", "esc", false)
                + """
                    <bpmn:startEvent id="start"/>
                    <bpmn:subProcess id="sub">
                      <bpmn:startEvent id="subStart"/>
                      <bpmn:userTask id="subTask"/>
                      <bpmn:sequenceFlow id="subFlow" sourceRef="subStart" targetRef="subTask"/>
                    %s
                    </bpmn:subProcess>
                    <bpmn:sequenceFlow id="toSub" sourceRef="start" targetRef="sub"/>
                """
                    .formatted(escalationSubProcess("inner", "esc", false)),
            ESCALATION));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_process_definition")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void twoSignalStartEventsWithOneNameAndTwoSignalsWithOneNameAreRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    assertRefused(
        "twoStarts",
        """
            <bpmn:startEvent id="start1">
              <bpmn:signalEventDefinition signalRef="alert"/>
            </bpmn:startEvent>
            <bpmn:startEvent id="start2">
              <bpmn:signalEventDefinition signalRef="alert"/>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start1" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="start2" targetRef="task"/>
        """,
        "<bpmn:signal id=\"alert\" name=\"signal\"/>",
        "start2",
        "more than one signal start event with the signal name 'signal'");
    assertRefused(
        "twoSignals",
        """
            <bpmn:intermediateCatchEvent id="signalEvent">
              <bpmn:signalEventDefinition signalRef="alert"/>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="task" targetRef="signalEvent"/>
        """,
        "<bpmn:signal id=\"alert\" name=\"alert\"/><bpmn:signal id=\"alert2\" name=\"alert\"/>",
        "alert2",
        "duplicate signal name 'alert'");
  }
}
