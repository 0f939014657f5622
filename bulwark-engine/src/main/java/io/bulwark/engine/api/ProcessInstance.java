package io.bulwark.engine.api;

/** A process instance; {@code ended} is true when it finished within the call that returned it. */
public record ProcessInstance(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    String businessKey,
    boolean ended) {}
