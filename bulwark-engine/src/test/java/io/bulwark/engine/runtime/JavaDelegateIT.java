package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.spi.BpmnErrorException;
import io.bulwark.engine.api.spi.DelegateExecution;
import io.bulwark.engine.api.spi.JavaDelegate;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.command.TestDatabase;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An allowlisted Java delegate runs in the command; its BPMN error is caught by a boundary. */
class JavaDelegateIT {

  /** Doubles {@code amount}; raises TOO_BIG above 100. */
  public static final class Doubler implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      long amount = (Long) execution.getVariable("amount");
      if (amount > 100) {
        throw new BpmnErrorException("TOO_BIG", "amount " + amount);
      }
      execution.setVariable("doubled", amount * 2);
    }
  }

  private TestEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z10_allowlistedDelegateRunsAndRaisesBpmnError(TestDatabase database) {
    String name = Doubler.class.getName();
    ParseOptions options = ParseOptions.builder().allowedDelegateClasses(Set.of(name)).build();
    engine = new TestEngine(database, RuntimeSettings.defaults().withParseOptions(options));
    engine.deployXml(
        "delegate",
        Models.process(
            "delegate",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:serviceTask id="double" camunda:class="%s"/>
                <bpmn:boundaryEvent id="tooBig" attachedToRef="double">
                  <bpmn:errorEventDefinition camunda:errorMessageVariable="why"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="review"/>
                <bpmn:endEvent id="e"/>
                <bpmn:endEvent id="e2"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="double"/>
                <bpmn:sequenceFlow id="f2" sourceRef="double" targetRef="e"/>
                <bpmn:sequenceFlow id="f3" sourceRef="tooBig" targetRef="review"/>
                <bpmn:sequenceFlow id="f4" sourceRef="review" targetRef="e2"/>
            """
                .formatted(name)));
    ProcessInstance small =
        engine.runtimeService.startProcessInstance(
            ALICE, StartInstanceRequest.byKey("delegate").withVariables(Map.of("amount", 21)));
    assertThat(small.ended()).isTrue();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_hi_variable_update WHERE name = 'doubled'"))
        .isEqualTo(1);
    ProcessInstance big =
        engine.runtimeService.startProcessInstance(
            ALICE, StartInstanceRequest.byKey("delegate").withVariables(Map.of("amount", 500)));
    assertThat(engine.onlyTask(big.id()).taskDefinitionKey()).isEqualTo("review");
    assertThat(engine.runtimeService.getVariables(ALICE, big.id()))
        .containsEntry("why", "amount 500");
  }
}
