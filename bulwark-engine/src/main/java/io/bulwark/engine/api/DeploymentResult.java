package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * A deployment. {@code duplicate} is true when the same resources had been deployed under this name
 * last time: then nothing new was written and the earlier deployment is returned, without its
 * decision definitions. {@code decisionDefinitions} are those of the DMN resources deployed.
 */
public record DeploymentResult(
    String id,
    String name,
    Instant deployedAt,
    boolean duplicate,
    List<ProcessDefinition> processDefinitions,
    List<DecisionDefinition> decisionDefinitions) {

  public DeploymentResult {
    processDefinitions = List.copyOf(processDefinitions);
    decisionDefinitions = List.copyOf(decisionDefinitions);
  }
}
