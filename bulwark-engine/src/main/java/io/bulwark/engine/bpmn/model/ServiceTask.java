package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Work done outside the engine: an external task topic, or (embedded use, allowlisted only) a Java
 * delegate class. A send task is carried out the same way ({@code type} SEND_TASK): Camunda 7 runs
 * a send task with an implementation like a service task.
 */
public record ServiceTask(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    ServiceImplementation implementation,
    ElementType type)
    implements Activity {

  public ServiceTask {
    if (type != ElementType.SERVICE_TASK && type != ElementType.SEND_TASK) {
      throw new IllegalArgumentException("a service or send task, not " + type);
    }
  }

  /** A service task. */
  public ServiceTask(
      String id,
      @Nullable String name,
      int line,
      String scopeId,
      AsyncSettings async,
      ServiceImplementation implementation) {
    this(id, name, line, scopeId, async, implementation, ElementType.SERVICE_TASK);
  }
}
