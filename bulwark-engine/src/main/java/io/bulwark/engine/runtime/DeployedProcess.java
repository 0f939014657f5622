package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.ParsedDeployment;
import io.bulwark.engine.bpmn.model.ProcessModel;
import org.jspecify.annotations.Nullable;

/** A process definition row with its parsed model; immutable and shared through the cache. */
public record DeployedProcess(
    String definitionId,
    String key,
    int version,
    String deploymentId,
    @Nullable String tenantId,
    ProcessModel model,
    ParsedDeployment parsed) {}
