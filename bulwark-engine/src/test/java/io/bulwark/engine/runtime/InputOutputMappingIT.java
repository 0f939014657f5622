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
 * {@code camunda:inputOutput} and execution-local variables, after what Camunda's InputOutputTest
 * and InputOutputEventTest assert: input parameters (text, expressions, lists, maps with expression
 * keys, null) are local to the activity and visible inside it only; output parameters reach the
 * process; local variables are gone when the activity ends; the places Camunda refuses mappings are
 * refused with its words; scripts are refused (E3).
 */
class InputOutputMappingIT {

  @AutoClose private TestEngine engine;

  private long localRows(ProcessInstance instance) {
    return engine.count(
        "SELECT COUNT(*) FROM bw_variable WHERE process_instance_id = ? AND scope_id <> ?"
            + " AND scope_type = 'EXECUTION'",
        instance.id(),
        instance.id());
  }

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void inputParametersAreLocalToTheTaskAndGoneWhenItCompletes(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "inputs",
        Models.process(
            "inputs",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="constant">stringValue</camunda:inputParameter>
                      <camunda:inputParameter name="doubled">${amount * 2}</camunda:inputParameter>
                      <camunda:inputParameter name="feel">=amount + 1</camunda:inputParameter>
                      <camunda:inputParameter name="nothing"/>
                      <camunda:inputParameter name="list">
                        <camunda:list>
                          <camunda:value>${amount}</camunda:value>
                          <camunda:value>plain</camunda:value>
                        </camunda:list>
                      </camunda:inputParameter>
                      <camunda:inputParameter name="map">
                        <camunda:map>
                          <camunda:entry key="${keyName}">potato</camunda:entry>
                          <camunda:entry key="fixed">${amount}</camunda:entry>
                        </camunda:map>
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("inputs", Map.of("amount", 21, "keyName", "veg"));
    TaskView task = engine.onlyTask(instance.id());
    Map<String, Object> seen = engine.tasks.getVariables(ALICE, task.id());
    assertThat(seen)
        .containsEntry("constant", "stringValue")
        .containsEntry("doubled", 42L)
        .containsEntry("feel", 22L)
        .containsEntry("nothing", null)
        .containsEntry("list", List.of(21, "plain"))
        .containsEntry("map", Map.of("veg", "potato", "fixed", 21))
        .containsEntry("amount", 21L);
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsOnlyKeys("amount", "keyName");
    assertThat(localRows(instance)).isEqualTo(6);
    engine.tasks.complete(ALICE, task.id(), Map.of());
    assertThat(localRows(instance)).isZero();
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsOnlyKeys("amount", "keyName");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void outputParametersReachTheProcessAndCompletingSetsMappedNamesLocally(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "outputs",
        Models.process(
            "outputs",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="draft">${amount}</camunda:inputParameter>
                      <camunda:outputParameter name="result">${draft + 1}</camunda:outputParameter>
                      <camunda:outputParameter name="empty"/>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
            """));
    ProcessInstance instance = engine.start("outputs", Map.of("amount", 1));
    TaskView task = engine.onlyTask(instance.id());
    // "draft" lives on the task's scope: completing with it changes the local copy only.
    engine.tasks.complete(ALICE, task.id(), Map.of("draft", 99, "note", "done"));
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_variable_update WHERE process_instance_id = ?"
                    + " AND name = 'result' AND long_value = 100",
                instance.id()))
        .isEqualTo(1);
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_variable_update WHERE process_instance_id = ?"
                    + " AND name = 'draft' AND scope_id = ?",
                instance.id(),
                instance.id()))
        .isZero();
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_variable_update WHERE process_instance_id = ?"
                    + " AND name = 'note' AND scope_id = ?",
                instance.id(),
                instance.id()))
        .isEqualTo(1);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_variable")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void subProcessInputsAreSeenInsideAndOutputsAfter(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "subIo",
        Models.process(
            "subIo",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:subProcess id="sub">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="subVar">${outer}-inside</camunda:inputParameter>
                      <camunda:outputParameter name="fromSub">${subVar}</camunda:outputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:startEvent id="ss"/>
                  <bpmn:userTask id="inner"/>
                  <bpmn:endEvent id="se"/>
                  <bpmn:sequenceFlow id="sf1" sourceRef="ss" targetRef="inner"/>
                  <bpmn:sequenceFlow id="sf2" sourceRef="inner" targetRef="se"/>
                </bpmn:subProcess>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
                <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("subIo", Map.of("outer", "x"));
    TaskView inner = engine.onlyTask(instance.id());
    assertThat(engine.tasks.getVariables(ALICE, inner.id())).containsEntry("subVar", "x-inside");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .doesNotContainKey("subVar");
    engine.tasks.complete(ALICE, inner.id(), Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("fromSub", "x-inside")
        .doesNotContainKey("subVar");
    assertThat(localRows(instance)).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void messageCatchEventMapsInAndOut(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "catch",
        Models.process(
            "catch",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="messageCatch">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="mappedVariable">mappedValue</camunda:inputParameter>
                      <camunda:outputParameter name="outVariable">${messageVariable}</camunda:outputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:messageEventDefinition messageRef="m"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="messageCatch"/>
                <bpmn:sequenceFlow id="f2" sourceRef="messageCatch" targetRef="after"/>
            """,
            "<bpmn:message id=\"m\" name=\"IncomingMessage\"/>"));
    ProcessInstance instance = engine.start("catch", Map.of());
    assertThat(localRows(instance)).isEqualTo(1);
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .doesNotContainKey("mappedVariable");
    engine.runtimeService.correlateMessage(
        ALICE,
        MessageCorrelation.named("IncomingMessage")
            .withVariables(Map.of("messageVariable", "outValue")));
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("outVariable", "outValue")
        .doesNotContainKey("mappedVariable");
    assertThat(localRows(instance)).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void cancellingAnActivityRemovesItsLocalVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "cancel",
        Models.process(
            "cancel",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="local">value</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:boundaryEvent id="timeout" attachedToRef="task">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="late"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="timeout" targetRef="late"/>
            """));
    ProcessInstance instance = engine.start("cancel", Map.of());
    assertThat(localRows(instance)).isEqualTo(1);
    engine.fireTimer(instance.id(), "timeout");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("late");
    assertThat(localRows(instance)).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void mappingsWhereCamundaRefusesThemAreRefusedAndScriptsByPolicy(EngineDatabase db) {
    engine = new TestEngine(db);
    String inputs =
        """
            <bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="a">x</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements>""";
    String onStart =
        Models.process(
            "onStart",
            "<bpmn:startEvent id=\"s\">"
                + inputs
                + "</bpmn:startEvent><bpmn:endEvent id=\"e\"/>"
                + "<bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/>");
    assertThatThrownBy(() -> engine.deployXml("onStart", onStart))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining(
            "camunda:inputOutput mapping unsupported for element type 'startEvent'");
    String onEnd =
        Models.process(
            "onEnd",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:endEvent id="e"><bpmn:extensionElements><camunda:inputOutput>
                  <camunda:outputParameter name="a">x</camunda:outputParameter>
                </camunda:inputOutput></bpmn:extensionElements></bpmn:endEvent>
                <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("onEnd", onEnd))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("camunda:outputParameter not allowed for element type 'endEvent'");
    String script =
        Models.process(
            "script",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="t"><bpmn:extensionElements><camunda:inputOutput>
                  <camunda:inputParameter name="a">
                    <camunda:script scriptFormat="groovy">java.lang.Runtime</camunda:script>
                  </camunda:inputParameter>
                </camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>
                <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("script", script))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("scripts are disabled (E3)");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_process_definition")).isZero();
  }
}
