package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Receive tasks, after what Camunda's ReceiveTaskTest asserts: the task is an active wait state, a
 * message receive task continues on correlation and only then, a plain one on an explicit trigger,
 * and a boundary timer that interrupts it removes its subscription.
 */
class ReceiveTaskIT {

  private static final String MESSAGES =
      "<bpmn:message id=\"newInvoice\" name=\"newInvoiceMessage\"/>"
          + "<bpmn:message id=\"second\" name=\"secondMessage\"/>";

  @AutoClose private TestEngine engine;

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  private long subscriptions() {
    return engine.count(
        "SELECT COUNT(*) FROM bw_event_subscription WHERE execution_id IS NOT NULL");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void plainReceiveTaskWaitsUntilTriggeredWithVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "plain",
        Models.process(
            "plain",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:receiveTask id="waitState" name="Wait State"/>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="waitState"/>
                <bpmn:sequenceFlow id="f2" sourceRef="waitState" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("plain", Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("waitState");
    assertThatThrownBy(() -> engine.runtimeService.trigger(ALICE, instance.id(), "after", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a receive task");
    engine.runtimeService.trigger(ALICE, instance.id(), "waitState", Map.of("received", true));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("received", true);
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE activity_id = 'waitState'"
                    + " AND activity_type = 'receiveTask' AND ended_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void messageReceiveTasksInParallelContinueOnTheirOwnMessage(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "parallelReceive",
        Models.process(
            "parallelReceive",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:parallelGateway id="fork"/>
                <bpmn:receiveTask id="waitState1" messageRef="newInvoice"/>
                <bpmn:receiveTask id="waitState2" messageRef="second"/>
                <bpmn:parallelGateway id="join"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="waitState1"/>
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="waitState2"/>
                <bpmn:sequenceFlow id="f4" sourceRef="waitState1" targetRef="join"/>
                <bpmn:sequenceFlow id="f5" sourceRef="waitState2" targetRef="join"/>
                <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="e"/>
            """,
            MESSAGES));
    ProcessInstance instance = engine.start("parallelReceive", Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("waitState1", "waitState2");
    assertThat(subscriptions()).isEqualTo(2);
    assertThatThrownBy(
            () -> engine.runtimeService.trigger(ALICE, instance.id(), "waitState1", null))
        .isInstanceOf(ValidationException.class);
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("newInvoiceMessage"));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("join", "waitState2");
    assertThat(subscriptions()).isEqualTo(1);
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("secondMessage"));
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(subscriptions()).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void interruptingBoundaryTimerCancelsTheMessageReceiveTask(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "receiveTimeout",
        Models.process(
            "receiveTimeout",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:receiveTask id="waitState" messageRef="newInvoice"/>
                <bpmn:boundaryEvent id="timeout" attachedToRef="waitState">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="late"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="waitState"/>
                <bpmn:sequenceFlow id="f2" sourceRef="waitState" targetRef="e"/>
                <bpmn:sequenceFlow id="f3" sourceRef="timeout" targetRef="late"/>
            """,
            MESSAGES));
    ProcessInstance instance = engine.start("receiveTimeout", Map.of());
    assertThat(subscriptions()).isEqualTo(1);
    engine.fireTimer(instance.id(), "timeout");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("late");
    assertThat(subscriptions()).isZero();
    ProcessInstance second = engine.start("receiveTimeout", Map.of());
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("newInvoiceMessage"));
    assertThat(state(second)).isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job")).isZero();
  }
}
