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
 * Message throw and end events without an implementation pass the token on, as in Camunda's
 * MessageIntermediateThrowEventTest and MessageEndEventTest (Camunda leaves their {@code
 * messageRef} unread); one that would send the message by running a class is refused by policy
 * (Z10).
 */
class MessageThrowEventIT {

  @AutoClose private TestEngine engine;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void messageThrowAndEndEventsWithoutImplementationPassTheTokenOn(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "notify",
        Models.process(
            "notify",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="told" name="Customer told">
                  <bpmn:messageEventDefinition messageRef="customerTold"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:intermediateThrowEvent id="unnamed">
                  <bpmn:messageEventDefinition messageRef="noSuchMessage"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:userTask id="check"/>
                <bpmn:endEvent id="e">
                  <bpmn:messageEventDefinition/>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="told"/>
                <bpmn:sequenceFlow id="f2" sourceRef="told" targetRef="unnamed"/>
                <bpmn:sequenceFlow id="f3" sourceRef="unnamed" targetRef="check"/>
                <bpmn:sequenceFlow id="f4" sourceRef="check" targetRef="e"/>
            """,
            """
              <bpmn:message id="customerTold" name="customerTold"/>
            """));
    ProcessInstance instance = engine.start("notify", Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("check");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_type = 'intermediateThrowEvent' AND ended_at IS NOT NULL",
                instance.id()))
        .isEqualTo(2);
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_id = 'e' AND ended_at IS NOT NULL",
                instance.id()))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z10_aMessageThrowEventThatRunsAClassIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String model =
        Models.process(
            "sender",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="send">
                  <bpmn:messageEventDefinition camunda:class="com.example.SendMessage"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="send"/>
                <bpmn:sequenceFlow id="f2" sourceRef="send" targetRef="e"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("sender", model))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("camunda:class on a message throw event is refused")
        .hasMessageContaining("(Z10)")
        .hasMessageContaining("send");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void externalMessageThrowAndEndEventsWaitForTheirWorkers(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "mailer",
        Models.process(
            "mailer",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="notify">
                  <bpmn:messageEventDefinition camunda:type="external" camunda:topic="notify"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="confirm">
                  <bpmn:messageEventDefinition camunda:type="external"
                      camunda:topic="confirm-${channel}"/>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="notify"/>
                <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="confirm"/>
            """));
    ProcessInstance instance = engine.start("mailer", Map.of("channel", "sms"));
    assertThat(topics(instance)).containsExactly("notify");
    engine.completeExternal(instance.id(), "notify", Map.of("sent", true));
    // the test hook leaves the activity without deleting the worker's row
    assertThat(topics(instance)).contains("confirm-sms");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("confirm");
    engine.completeExternal(instance.id(), "confirm", Map.of());
    assertThat(engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_id IN ('notify', 'confirm') AND ended_at IS NOT NULL",
                instance.id()))
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anExternalMessageEventNeedsATopicAndOnlyTheExternalType(EngineDatabase db) {
    engine = new TestEngine(db);
    for (String definition :
        new String[] {
          "<bpmn:messageEventDefinition camunda:type=\"external\"/>",
          "<bpmn:messageEventDefinition camunda:type=\"connector\" camunda:topic=\"x\"/>"
        }) {
      String model =
          Models.process(
              "bad",
              """
                  <bpmn:startEvent id="s"/>
                  <bpmn:intermediateThrowEvent id="send">%s</bpmn:intermediateThrowEvent>
                  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="send"/>
              """
                  .formatted(definition));
      assertThatThrownBy(() -> engine.deployXml("bad", model))
          .as(definition)
          .isInstanceOf(BpmnValidationException.class)
          .hasMessageContaining("send");
    }
  }

  private java.util.List<String> topics(ProcessInstance instance) {
    return engine.ids(
        "SELECT topic FROM bw_external_task WHERE process_instance_id = ?", instance.id());
  }
}
