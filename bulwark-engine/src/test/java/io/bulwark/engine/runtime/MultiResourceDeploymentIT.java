package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A deployment of several files reports the problems of every rejected file at once, each named by
 * its file, and writes nothing (issue 16, item 7).
 */
class MultiResourceDeploymentIT {

  @AutoClose private TestEngine engine;

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z10_everyRejectedResourceIsReportedByNameAndNothingIsWritten(EngineDatabase db) {
    engine = new TestEngine(db);
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put("good.bpmn", bytes(Models.oneTask("good", "")));
    resources.put(
        "scripted.bpmn",
        bytes(
            Models.process(
                "scripted",
                """
                    <bpmn:startEvent id="s"/>
                    <bpmn:scriptTask id="script" scriptFormat="groovy">
                      <bpmn:script>1</bpmn:script>
                    </bpmn:scriptTask>
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="script"/>
                """)));
    resources.put(
        "signal.bpmn20.xml",
        bytes(
            Models.process(
                "signal",
                """
                    <bpmn:startEvent id="s"><bpmn:signalEventDefinition/></bpmn:startEvent>
                """)));
    resources.put("form.json", bytes("{}"));
    BpmnValidationException rejected =
        catchThrowableOfType(
            BpmnValidationException.class,
            () ->
                engine.repository.deploy(ALICE, new DeploymentRequest("several", resources, null)));
    assertThat(rejected.problems())
        .extracting(Problem::resource)
        .containsOnly("scripted.bpmn", "signal.bpmn20.xml")
        .contains("scripted.bpmn", "signal.bpmn20.xml");
    assertThat(rejected.getMessage())
        .contains("scripted.bpmn 'script' (line")
        .contains("script tasks are disabled (E3)")
        .contains("signal.bpmn20.xml 's' (line")
        .contains("signalRef 'null' does not name a bpmn:signal of this file");
    for (String table : new String[] {"bw_deployment", "bw_resource", "bw_process_definition"}) {
      assertThat(engine.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
    }
  }
}
