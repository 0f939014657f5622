package io.bulwark.engine.bpmn.model;

/**
 * An embedded sub-process: a scope whose children have {@code scopeId} equal to this ID; it starts
 * at its one none start event and completes when no execution is left inside.
 */
public record SubProcess(String id, String name, int line, String scopeId, AsyncSettings async)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.SUB_PROCESS;
  }
}
