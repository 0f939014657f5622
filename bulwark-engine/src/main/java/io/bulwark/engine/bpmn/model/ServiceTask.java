package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Work done outside the engine: an external task topic, or (embedded use, allowlisted only) a Java
 * delegate class.
 */
public record ServiceTask(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    ServiceImplementation implementation)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.SERVICE_TASK;
  }
}
