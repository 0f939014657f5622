package io.bulwark.engine.persistence;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link EmbeddedDurabilityIT}: opens the embedded engine on the data directory
 * given as the first argument, deploys a one-task process, prints {@code ready}, then starts
 * instances for ever, printing each instance's id (as {@code started ID .}) once its start call has
 * returned. The parent kills it with SIGKILL at a moment of its choosing.
 */
public final class StartInstancesChild {

  static final String PROCESS_KEY = "durable";

  /** Each acknowledged id is printed as {@code ACK + id + END}, so a cut line is recognisable. */
  static final String ACK = "started ";

  static final String END = " .";

  static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          targetNamespace="http://bulwark.io/test">
        <process id="durable" isExecutable="true">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
          <userTask id="work"/>
          <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private StartInstancesChild() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BulwarkEngine engine = BulwarkEngine.builder().embedded(Path.of(args[0])).build();
    Principal principal = engine.trustedApplication("durability");
    engine
        .repositoryService()
        .deploy(
            principal,
            DeploymentRequest.of(
                "durable", "durable.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
    out.println("ready");
    out.flush();
    while (true) {
      String id =
          engine
              .runtimeService()
              .startProcessInstance(principal, StartInstanceRequest.byKey(PROCESS_KEY))
              .id();
      out.println(ACK + id + END);
      out.flush();
    }
  }
}
