package io.bulwark.engine.api;

/**
 * How much history the engine writes (DESIGN.md "History"). Each level includes the ones before.
 * The user operation log (E6) is written at every level, NONE included: it is a security record,
 * not a trade of detail for speed.
 */
public enum HistoryLevel {
  /** Only the user operation log. */
  NONE,
  /** Process instances, activity instances and tasks. */
  ACTIVITY,
  /** Also every update of a process variable (the default). */
  AUDIT,
  /** Also updates of task-local variables and one operation-log entry per changed variable. */
  FULL;

  public boolean includes(HistoryLevel other) {
    return compareTo(other) >= 0;
  }
}
