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
 * {@code local="true"} on a call activity's {@code camunda:in} and {@code camunda:out} copies, as
 * in Camunda's CallActivityTest (testSubProcessLocalInputSingleVariable,
 * testSubProcessLocalOutputSingleVariable, testSubProcessLocalOutputAllVariables): an in copy reads
 * only the call activity's own variables (its input parameters); an out copy writes into them,
 * where the call activity's output parameters read it, and they are gone once it is left.
 */
class CallActivityMappingIT {

  @AutoClose private TestEngine engine;

  private ProcessInstance startCaller(String mappings, String output) {
    engine.deployXml(
        "child",
        Models.process(
            "child",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="childTask"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="childTask"/>
            """));
    engine.deployXml(
        "caller",
        Models.process(
            "caller",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:callActivity id="call" calledElement="child">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="inputParameter">${"val2"}</camunda:inputParameter>
                      <camunda:outputParameter name="outputParameter">%s</camunda:outputParameter>
                    </camunda:inputOutput>
                    %s
                  </bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="after"/>
            """
                .formatted(output, mappings)));
    return engine.start("caller", Map.of("callingProcessVar1", "val1"));
  }

  private String calledInstanceId(ProcessInstance caller) {
    return engine.single(
        "SELECT e.id FROM bw_execution e JOIN bw_execution s ON e.super_execution_id = s.id"
            + " WHERE s.process_instance_id = ?",
        caller.id());
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aLocalInCopyReadsOnlyTheCallActivitysOwnVariables(EngineDatabase db) {
    engine = new TestEngine(db);
    ProcessInstance caller =
        startCaller(
            """
            <camunda:in source="inputParameter" target="mapped" local="true"/>
            <camunda:in source="callingProcessVar1" target="notMapped" local="true"/>
            """,
            "${43}");
    assertThat(engine.runtimeService.getVariables(ALICE, calledInstanceId(caller)))
        .containsExactlyEntriesOf(Map.of("mapped", "val2"));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aLocalOutCopyIsReadByTheOutputParameterAndThenGone(EngineDatabase db) {
    engine = new TestEngine(db);
    ProcessInstance caller =
        startCaller(
            """
            <camunda:in variables="all"/>
            <camunda:out source="fromChild" target="outVar" local="true"/>
            """,
            "${outVar + 1}");
    String called = calledInstanceId(caller);
    String childTask = engine.onlyTask(called).id();
    engine.tasks.complete(ALICE, childTask, Map.of("fromChild", 41L));
    assertThat(engine.runtimeService.getVariables(ALICE, caller.id()))
        .containsEntry("outputParameter", 42L)
        .containsEntry("callingProcessVar1", "val1")
        .doesNotContainKeys("outVar", "fromChild", "inputParameter");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void allLocalOutCopiesEveryCalledVariableIntoTheCallActivity(EngineDatabase db) {
    engine = new TestEngine(db);
    ProcessInstance caller =
        startCaller(
            """
            <camunda:in variables="all"/>
            <camunda:out variables="all" local="true"/>
            """,
            "${fromChild + 1}");
    String called = calledInstanceId(caller);
    engine.tasks.complete(ALICE, engine.onlyTask(called).id(), Map.of("fromChild", 1L));
    assertThat(engine.runtimeService.getVariables(ALICE, caller.id()))
        .containsEntry("outputParameter", 2L)
        .doesNotContainKeys("fromChild", "inputParameter");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void sourceExpressionsMapComputedValuesInAndOut(EngineDatabase db) {
    engine = new TestEngine(db);
    ProcessInstance caller =
        startCaller(
            """
            <camunda:in sourceExpression="${inputParameter}-${callingProcessVar1}" target="joined"/>
            <camunda:in sourceExpression="inLiteralValue" target="literal"/>
            <camunda:in sourceExpression="${inputParameter}!" target="fromOwn" local="true"/>
            <camunda:out sourceExpression="${fromChild + 5}" target="plusFive"/>
            <camunda:out sourceExpression="Prefix${fromChild}" target="outVar" local="true"/>
            """,
            "${outVar}");
    String called = calledInstanceId(caller);
    assertThat(engine.runtimeService.getVariables(ALICE, called))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("joined", "val2-val1", "literal", "inLiteralValue", "fromOwn", "val2!"));
    engine.tasks.complete(ALICE, engine.onlyTask(called).id(), Map.of("fromChild", 10L));
    assertThat(engine.runtimeService.getVariables(ALICE, caller.id()))
        .containsEntry("plusFive", 15L)
        .containsEntry("outputParameter", "Prefix10")
        .doesNotContainKey("outVar");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void businessKeyIsTheCallersOrAnExpressionsValue(EngineDatabase db) {
    engine = new TestEngine(db);
    ProcessInstance caller =
        startCaller("<camunda:in businessKey=\"${callingProcessVar1}-child\"/>", "${1}");
    assertThat(
            engine.single(
                "SELECT business_key FROM bw_execution WHERE id = ?", calledInstanceId(caller)))
        .isEqualTo("val1-child");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e2_sourceExpressionsAndBusinessKeysThatReachJavaAreRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    for (String mapping :
        new String[] {
          "<camunda:in sourceExpression=\"${'source'.concat(x)}\" target=\"y\"/>",
          "<camunda:out sourceExpression=\"${bean.compute()}\" target=\"y\"/>",
          "<camunda:in businessKey=\"${execution.getProcessEngine()}\"/>"
        }) {
      String model =
          Models.process(
              "refused",
              """
                  <bpmn:startEvent id="s"/>
                  <bpmn:callActivity id="call" calledElement="child">
                    <bpmn:extensionElements>%s</bpmn:extensionElements>
                  </bpmn:callActivity>
                  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
              """
                  .formatted(mapping));
      assertThatThrownBy(() -> engine.deployXml("refused", model))
          .as(mapping)
          .isInstanceOf(BpmnValidationException.class)
          .hasMessageContaining("(E2)")
          .hasMessageContaining("call");
    }
  }
}
