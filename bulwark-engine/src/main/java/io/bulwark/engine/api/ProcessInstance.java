package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/** A process instance; {@code ended} is true when it finished within the call that returned it. */
public record ProcessInstance(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    @Nullable String businessKey,
    boolean ended) {}
