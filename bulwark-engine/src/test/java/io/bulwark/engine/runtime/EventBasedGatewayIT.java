package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Event-based gateways and link events, after what Camunda's EventBasedGatewayTest and
 * LinkEventTest assert: the gateway waits for the first of its events (message, timer, signal,
 * conditional), continues there and drops the other subscriptions and timers; a link throw event
 * continues at the link catch event of its name.
 */
class EventBasedGatewayIT {

  private static final String DEFINITIONS =
      "<bpmn:message id=\"m\" name=\"newInvoice\"/><bpmn:signal id=\"sig\" name=\"alert\"/>";

  @AutoClose private TestEngine engine;

  private List<String> active(ProcessInstance instance) {
    return engine.runtimeService.getActiveActivityIds(ALICE, instance.id());
  }

  private long rows(String table) {
    return engine.count("SELECT COUNT(*) FROM " + table);
  }

  private void deployRace() {
    engine.deployXml(
        "race",
        Models.process(
            "race",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:eventBasedGateway id="gw"/>
                <bpmn:intermediateCatchEvent id="invoiceArrived">
                  <bpmn:messageEventDefinition messageRef="m"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="timeout">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="alerted">
                  <bpmn:signalEventDefinition signalRef="sig"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="handleInvoice"/>
                <bpmn:userTask id="handleTimeout"/>
                <bpmn:userTask id="handleAlert"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="gw"/>
                <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="invoiceArrived"/>
                <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="timeout"/>
                <bpmn:sequenceFlow id="f4" sourceRef="gw" targetRef="alerted"/>
                <bpmn:sequenceFlow id="f5" sourceRef="invoiceArrived" targetRef="handleInvoice"/>
                <bpmn:sequenceFlow id="f6" sourceRef="timeout" targetRef="handleTimeout"/>
                <bpmn:sequenceFlow id="f7" sourceRef="alerted" targetRef="handleAlert"/>
            """,
            DEFINITIONS));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void messageFirstDropsTheTimerAndTheSignal(EngineDatabase db) {
    engine = new TestEngine(db);
    deployRace();
    ProcessInstance instance = engine.start("race", Map.of());
    assertThat(active(instance)).containsExactly("gw");
    assertThat(rows("bw_event_subscription")).isEqualTo(2);
    assertThat(rows("bw_job")).isEqualTo(1);
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("newInvoice"));
    assertThat(active(instance)).containsExactly("handleInvoice");
    assertThat(rows("bw_event_subscription")).isZero();
    assertThat(rows("bw_job")).isZero();
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE activity_id = 'invoiceArrived'"
                    + " AND ended_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void timerOrSignalFirstTakeTheirOwnWay(EngineDatabase db) {
    engine = new TestEngine(db);
    deployRace();
    ProcessInstance timedOut = engine.start("race", Map.of());
    engine.fireTimer(timedOut.id(), "timeout");
    assertThat(active(timedOut)).containsExactly("handleTimeout");
    ProcessInstance alerted = engine.start("race", Map.of());
    engine.runtimeService.signalEventReceived(ALICE, "alert", Map.of());
    assertThat(active(alerted)).containsExactly("handleAlert");
    assertThat(rows("bw_event_subscription")).isZero();
    assertThat(rows("bw_job")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void linkThrowContinuesAtTheCatchOfItsName(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "links",
        Models.process(
            "links",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="goToB">
                  <bpmn:linkEventDefinition name="B"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:intermediateCatchEvent id="fromA">
                  <bpmn:linkEventDefinition name="B"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="afterLink"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="goToB"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fromA" targetRef="afterLink"/>
            """));
    ProcessInstance instance = engine.start("links", Map.of());
    assertThat(active(instance)).containsExactly("afterLink");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE activity_id IN"
                    + " ('goToB', 'fromA') AND ended_at IS NOT NULL"))
        .isEqualTo(2);
  }

  /**
   * Camunda's InputOutputEventTest#testConditionalCatchAfterEventGateway: a conditional catch event
   * after the gateway fires when a variable change makes its condition true (at once when it is
   * true on arrival), drops the other events and applies its output mapping.
   */
  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aConditionalCatchAfterTheGatewayFiresWhenItsConditionBecomesTrue(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "process",
        Models.process(
            "process",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:eventBasedGateway id="gw"/>
                <bpmn:intermediateCatchEvent id="condition">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:outputParameter name="foo">bar</camunda:outputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                  <bpmn:conditionalEventDefinition>
                    <bpmn:condition xsi:type="bpmn:tFormalExpression">${var == 1}</bpmn:condition>
                  </bpmn:conditionalEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="invoiceArrived">
                  <bpmn:messageEventDefinition messageRef="m"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="afterCondition"/>
                <bpmn:userTask id="afterMessage"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="gw"/>
                <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="condition"/>
                <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="invoiceArrived"/>
                <bpmn:sequenceFlow id="f4" sourceRef="condition" targetRef="afterCondition"/>
                <bpmn:sequenceFlow id="f5" sourceRef="invoiceArrived" targetRef="afterMessage"/>
            """,
            DEFINITIONS));
    ProcessInstance waiting = engine.start("process", Map.of("var", 0));
    assertThat(active(waiting)).containsExactly("gw");
    assertThat(rows("bw_event_subscription")).isEqualTo(2);
    engine.runtimeService.setVariables(ALICE, waiting.id(), Map.of("var", 2));
    assertThat(active(waiting)).containsExactly("gw");

    engine.runtimeService.setVariables(ALICE, waiting.id(), Map.of("var", 1));
    assertThat(active(waiting)).containsExactly("afterCondition");
    assertThat(engine.runtimeService.getVariables(ALICE, waiting.id())).containsEntry("foo", "bar");
    assertThat(rows("bw_event_subscription")).isZero();

    ProcessInstance atOnce = engine.start("process", Map.of("var", 1));
    assertThat(active(atOnce)).containsExactly("afterCondition");
    assertThat(rows("bw_event_subscription")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void gatewaysLeadingElsewhereAndLinksWithoutCatchAreRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String toTask =
        Models.process(
            "toTask",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:eventBasedGateway id="gw"/>
                <bpmn:userTask id="t"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="gw"/>
                <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="t"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("toTask", toTask))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining(
            "may lead only to message, timer, signal or conditional catch events");
    String lostLink =
        Models.process(
            "lostLink",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="go">
                  <bpmn:linkEventDefinition name="nowhere"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="go"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("lostLink", lostLink))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("needs exactly one link catch event");
  }
}
