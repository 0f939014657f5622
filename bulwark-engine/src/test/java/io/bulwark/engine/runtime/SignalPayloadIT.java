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
 * A thrown signal carries the variables its {@code camunda:in} mappings copy, as in Camunda's
 * SignalEventPayloadTest: named copies, all variables, or only the throwing event's local ones (its
 * input parameters); the waiting catch events and the processes a signal starts receive them.
 * Mappings with expressions are refused (E2).
 */
class SignalPayloadIT {

  private static final String SIGNAL = SignalEventIT.SIGNAL;

  @AutoClose private TestEngine engine;

  private void deployCatcherAndStarted() {
    SignalEventIT.deployCatcher(engine);
    engine.deployXml(
        "started",
        Models.process(
            "started",
            """
                <bpmn:startEvent id="signalStart">
                  <bpmn:signalEventDefinition signalRef="alert"/>
                </bpmn:startEvent>
                <bpmn:userTask id="startedTask"/>
                <bpmn:sequenceFlow id="f1" sourceRef="signalStart" targetRef="startedTask"/>
            """,
            SIGNAL));
  }

  private Map<String, Object> variablesOfStarted() {
    String id =
        engine.single(
            "SELECT process_instance_id FROM bw_task WHERE task_definition_key = ?", "startedTask");
    return engine.runtimeService.getVariables(ALICE, id);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void namedCopiesReachTheCatcherAndTheStartedProcess(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcherAndStarted();
    engine.deployXml(
        "thrower",
        Models.process(
            "thrower",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="throwAlert">
                  <bpmn:signalEventDefinition signalRef="alert">
                    <bpmn:extensionElements>
                      <camunda:in source="level" target="alertLevel"/>
                      <camunda:in source="missing" target="neverSet"/>
                    </bpmn:extensionElements>
                  </bpmn:signalEventDefinition>
                </bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="throwAlert"/>
                <bpmn:sequenceFlow id="f2" sourceRef="throwAlert" targetRef="e"/>
            """,
            SIGNAL));
    ProcessInstance waiting = engine.start("catcher", Map.of());
    engine.start("thrower", Map.of("level", "red", "secret", "kept"));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, waiting.id()))
        .containsExactly("afterAlert");
    assertThat(engine.runtimeService.getVariables(ALICE, waiting.id()))
        .containsEntry("alertLevel", "red")
        .doesNotContainKeys("level", "secret", "neverSet");
    assertThat(variablesOfStarted())
        .containsEntry("alertLevel", "red")
        .doesNotContainKeys("level", "secret", "neverSet");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void allVariablesOrOnlyTheEndEventsLocalOnes(EngineDatabase db) {
    engine = new TestEngine(db);
    deployCatcherAndStarted();
    engine.deployXml(
        "throwAll",
        Models.process(
            "throwAll",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="throwAlert">
                  <bpmn:signalEventDefinition signalRef="alert">
                    <bpmn:extensionElements>
                      <camunda:in variables="all"/>
                    </bpmn:extensionElements>
                  </bpmn:signalEventDefinition>
                </bpmn:intermediateThrowEvent>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="throwAlert"/>
                <bpmn:sequenceFlow id="f2" sourceRef="throwAlert" targetRef="e"/>
            """,
            SIGNAL));
    engine.deployXml(
        "throwLocal",
        Models.process(
            "throwLocal",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:endEvent id="end">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="localVar">localValue</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:signalEventDefinition signalRef="alert">
                    <bpmn:extensionElements>
                      <camunda:in variables="all" local="true"/>
                    </bpmn:extensionElements>
                  </bpmn:signalEventDefinition>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="end"/>
            """,
            SIGNAL));
    ProcessInstance first = engine.start("catcher", Map.of());
    engine.start("throwAll", Map.of("a", 1L, "b", "two"));
    assertThat(engine.runtimeService.getVariables(ALICE, first.id()))
        .containsEntry("a", 1L)
        .containsEntry("b", "two");

    ProcessInstance second = engine.start("catcher", Map.of());
    engine.start("throwLocal", Map.of("processVar", "not sent"));
    assertThat(engine.runtimeService.getVariables(ALICE, second.id()))
        .containsEntry("localVar", "localValue")
        .doesNotContainKey("processVar");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aPayloadWithABusinessKeyIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String model =
        Models.process(
            "expressionPayload",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateThrowEvent id="throwAlert">
                  <bpmn:signalEventDefinition signalRef="alert">
                    <bpmn:extensionElements>
                      <camunda:in businessKey="${execution.processBusinessKey}"/>
                    </bpmn:extensionElements>
                  </bpmn:signalEventDefinition>
                </bpmn:intermediateThrowEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="throwAlert"/>
            """,
            SIGNAL);
    assertThatThrownBy(() -> engine.deployXml("expressionPayload", model))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("businessKey is supported on a call activity's camunda:in")
        .hasMessageContaining("throwAlert");
  }
}
