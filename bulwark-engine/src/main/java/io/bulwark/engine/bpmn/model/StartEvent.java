package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * A start event: {@link EventDefinition.None}, {@link EventDefinition.Message} or {@link
 * EventDefinition.Timer} at process level; in an event sub-process also {@link
 * EventDefinition.ErrorEvent}, {@link EventDefinition.Escalation} and {@link
 * EventDefinition.Signal}, interrupting its scope (BPMN's {@code isInterrupting="true"}, the
 * default) or not. The process's none start event may declare a start form ({@link NodeForm}) and
 * {@code camunda:initiator}: the name of the variable that gets the ID of the user who starts the
 * instance.
 */
public record StartEvent(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    EventDefinition definition,
    boolean interrupting,
    NodeForm form,
    @Nullable String initiator)
    implements FlowNode {

  /** A start event without {@code camunda:initiator}. */
  public StartEvent(
      String id,
      @Nullable String name,
      int line,
      String scopeId,
      AsyncSettings async,
      EventDefinition definition,
      boolean interrupting,
      NodeForm form) {
    this(id, name, line, scopeId, async, definition, interrupting, form, null);
  }

  /** A start event without a form. */
  public StartEvent(
      String id,
      @Nullable String name,
      int line,
      String scopeId,
      AsyncSettings async,
      EventDefinition definition,
      boolean interrupting) {
    this(id, name, line, scopeId, async, definition, interrupting, NodeForm.NONE);
  }

  /** An interrupting start event (process-level start events always are). */
  public StartEvent(
      String id,
      @Nullable String name,
      int line,
      String scopeId,
      AsyncSettings async,
      EventDefinition definition) {
    this(id, name, line, scopeId, async, definition, true);
  }

  @Override
  public ElementType type() {
    return ElementType.START_EVENT;
  }
}
