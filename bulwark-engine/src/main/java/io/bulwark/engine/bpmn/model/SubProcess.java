package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * An embedded sub-process: a scope whose children have {@code scopeId} equal to this ID; it starts
 * at its one none start event and completes when no execution is left inside. An event sub-process
 * ({@code triggeredByEvent}) has no flows: it starts at its one start event when that event happens
 * while its enclosing scope (process or sub-process) is active. A {@code transaction} sub-process
 * runs as an embedded one; a cancel end event inside it compensates what completed in it and leaves
 * it by its cancel boundary event.
 */
public record SubProcess(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    boolean triggeredByEvent,
    boolean transaction)
    implements Activity {

  /** An embedded sub-process or an event sub-process, not a transaction. */
  public SubProcess(
      String id,
      @Nullable String name,
      int line,
      String scopeId,
      AsyncSettings async,
      boolean triggeredByEvent) {
    this(id, name, line, scopeId, async, triggeredByEvent, false);
  }

  /** An embedded sub-process that is not an event sub-process. */
  public SubProcess(
      String id, @Nullable String name, int line, String scopeId, AsyncSettings async) {
    this(id, name, line, scopeId, async, false, false);
  }

  @Override
  public ElementType type() {
    return transaction ? ElementType.TRANSACTION : ElementType.SUB_PROCESS;
  }
}
