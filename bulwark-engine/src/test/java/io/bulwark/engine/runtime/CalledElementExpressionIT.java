package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A call activity's {@code calledElement} and {@code camunda:calledElementVersion} may be
 * expressions, evaluated at each call with the caller's variables, as in Camunda's CallActivityTest
 * (testCallSimpleSubProcessWithExpressions) and CallActivityAdvancedTest
 * (testCallProcessByVersionAsExpression). An expression that reaches Java is refused (E2).
 */
class CalledElementExpressionIT {

  @AutoClose private TestEngine engine;

  private void deployChild(String key, String taskId) {
    engine.deployXml(
        key,
        Models.process(
            key,
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="%s"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="%s"/>
            """
                .formatted(taskId, taskId)));
  }

  private long openTasks(String taskId) {
    return engine.count("SELECT COUNT(*) FROM bw_task WHERE task_definition_key = ?", taskId);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void calledElementExpressionPicksTheProcessAtEachCall(EngineDatabase db) {
    engine = new TestEngine(db);
    deployChild("approveSmall", "smallTask");
    deployChild("approveLarge", "largeTask");
    engine.deployXml(
        "router",
        Models.process(
            "router",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:callActivity id="call" calledElement="${approval}"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e"/>
            """));
    engine.start("router", Map.of("approval", "approveSmall"));
    engine.start("router", Map.of("approval", "approveLarge"));
    engine.start("router", Map.of("approval", "approveLarge"));
    assertThat(openTasks("smallTask")).isEqualTo(1);
    assertThat(openTasks("largeTask")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void versionExpressionPicksTheVersion(EngineDatabase db) {
    engine = new TestEngine(db);
    deployChild("child", "firstVersionTask");
    deployChild("child", "secondVersionTask");
    engine.deployXml(
        "pinned",
        Models.process(
            "pinned",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:callActivity id="call" calledElement="child"
                    camunda:calledElementBinding="version"
                    camunda:calledElementVersion="${childVersion}"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e"/>
            """));
    var instance = engine.start("pinned", Map.of("childVersion", 1L));
    assertThat(openTasks("firstVersionTask")).isEqualTo(1);
    assertThat(openTasks("secondVersionTask")).isZero();
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("call");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e2_aCalledElementExpressionThatCallsJavaIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    String model =
        Models.process(
            "javaCall",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:callActivity id="call" calledElement="${resolver.processKey()}"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call"/>
            """);
    assertThatThrownBy(() -> engine.deployXml("javaCall", model))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("calledElement of bpmn:callActivity rejected");
  }
}
