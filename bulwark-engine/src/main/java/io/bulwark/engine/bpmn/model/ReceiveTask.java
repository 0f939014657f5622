package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Waits for a message ({@code message} not null: correlated like an intermediate message catch
 * event) or, without {@code messageRef}, for an explicit trigger through the runtime service.
 */
public record ReceiveTask(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition.@Nullable Message message)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.RECEIVE_TASK;
  }
}
