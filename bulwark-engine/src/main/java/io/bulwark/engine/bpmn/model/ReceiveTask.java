package io.bulwark.engine.bpmn.model;

/**
 * Waits for a message ({@code message} not null: correlated like an intermediate message catch
 * event) or, without {@code messageRef}, for an explicit trigger through the runtime service.
 */
public record ReceiveTask(
    String id,
    String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition.Message message)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.RECEIVE_TASK;
  }
}
