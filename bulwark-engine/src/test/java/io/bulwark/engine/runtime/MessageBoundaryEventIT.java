package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Message boundary events, after Camunda's MessageBoundaryEventTest and
 * MessageNonInterruptingBoundaryEventTest: the subscription exists while the activity runs; an
 * interrupting one cancels the activity, a non-interrupting one adds a token each time and keeps
 * the activity; the subscription goes when the activity completes.
 */
class MessageBoundaryEventIT {

  private static final String MESSAGE = "<bpmn:message id=\"cancel\" name=\"cancelMessage\"/>";

  @AutoClose private TestEngine engine;

  private long subscriptions() {
    return engine.count(
        "SELECT COUNT(*) FROM bw_event_subscription WHERE execution_id IS NOT NULL");
  }

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private void correlate() {
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("cancelMessage"));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void interruptingMessageBoundaryCancelsTheTask(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "interrupting",
        Models.process(
            "interrupting",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task"/>
                <bpmn:boundaryEvent id="onCancel" attachedToRef="task">
                  <bpmn:messageEventDefinition messageRef="cancel"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="afterMessage"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
                <bpmn:sequenceFlow id="f3" sourceRef="onCancel" targetRef="afterMessage"/>
            """,
            MESSAGE));
    ProcessInstance instance = engine.start("interrupting", Map.of());
    assertThat(subscriptions()).isEqualTo(1);
    correlate();
    assertThat(active(instance)).containsExactly("afterMessage");
    assertThat(engine.onlyTask(instance.id()).taskDefinitionKey()).isEqualTo("afterMessage");
    assertThat(subscriptions()).isZero();
    ProcessInstance completed = engine.start("interrupting", Map.of());
    engine.tasks.complete(ALICE, engine.onlyTask(completed.id()).id(), Map.of());
    assertThat(subscriptions()).isZero();
    assertThatThrownBy(this::correlate).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void nonInterruptingMessageBoundaryOnASubProcessFiresEachTimeAndStays(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "nonInterrupting",
        Models.process(
            "nonInterrupting",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:subProcess id="sub">
                  <bpmn:startEvent id="subStart"/>
                  <bpmn:userTask id="work"/>
                  <bpmn:sequenceFlow id="sf1" sourceRef="subStart" targetRef="work"/>
                </bpmn:subProcess>
                <bpmn:boundaryEvent id="onCancel" attachedToRef="sub" cancelActivity="false">
                  <bpmn:messageEventDefinition messageRef="cancel"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="notified"/>
                <bpmn:userTask id="afterSub"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
                <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="afterSub"/>
                <bpmn:sequenceFlow id="f3" sourceRef="onCancel" targetRef="notified"/>
            """,
            MESSAGE));
    ProcessInstance instance = engine.start("nonInterrupting", Map.of());
    correlate();
    correlate();
    assertThat(active(instance)).containsExactlyInAnyOrder("sub", "work", "notified", "notified");
    assertThat(subscriptions()).isEqualTo(1);
    TaskView work =
        engine.tasksOf(instance.id()).stream()
            .filter(t -> t.taskDefinitionKey().equals("work"))
            .findFirst()
            .orElseThrow();
    engine.tasks.complete(ALICE, work.id(), Map.of());
    assertThat(subscriptions()).isZero();
    assertThat(active(instance)).containsExactlyInAnyOrder("notified", "notified", "afterSub");
  }
}
