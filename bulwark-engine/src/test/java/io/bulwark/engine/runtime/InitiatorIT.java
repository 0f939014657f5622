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
 * {@code camunda:initiator} on the none start event (issue 16), after what Camunda's {@code
 * InitiatorTest} asserts: the named variable holds the ID of the user who started the instance, so
 * that a task can be assigned back to them; a name that is not a variable name is refused.
 */
class InitiatorIT {

  @AutoClose private TestEngine engine;

  private static String model(String initiator) {
    return Models.process(
        "initiated",
        """
            <bpmn:startEvent id="s" camunda:initiator="%s"/>
            <bpmn:userTask id="review" camunda:assignee="${initiator}"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
        """
            .formatted(initiator));
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void initiatorVariableHoldsTheStartingUser(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("initiated", model("initiator"));

    ProcessInstance instance = engine.start("initiated", Map.of());

    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("initiator", ALICE.userId());
    assertThat(engine.onlyTask(instance.id()).assignee()).isEqualTo(ALICE.userId());
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void initiatorThatIsNotAVariableNameIsRefused(EngineDatabase db) {
    engine = new TestEngine(db);
    assertThatThrownBy(() -> engine.deployXml("initiated", model("${user}")))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("camunda:initiator '${user}' is not a variable name");
  }
}
