package io.bulwark.engine.api;

/** Where a message went: to a waiting catch event or to a message start event (a new instance). */
public record MessageCorrelationResult(Kind kind, String processInstanceId) {

  public enum Kind {
    EXECUTION,
    PROCESS_DEFINITION
  }
}
