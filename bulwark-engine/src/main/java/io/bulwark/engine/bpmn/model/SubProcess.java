package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * An embedded sub-process: a scope whose children have {@code scopeId} equal to this ID; it starts
 * at its one none start event and completes when no execution is left inside. An event sub-process
 * ({@code triggeredByEvent}) has no flows: it starts at its one start event when that event happens
 * while its enclosing scope (process or sub-process) is active.
 */
public record SubProcess(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    boolean triggeredByEvent)
    implements Activity {

  /** An embedded sub-process that is not an event sub-process. */
  public SubProcess(
      String id, @Nullable String name, int line, String scopeId, AsyncSettings async) {
    this(id, name, line, scopeId, async, false);
  }

  @Override
  public ElementType type() {
    return ElementType.SUB_PROCESS;
  }
}
