package io.bulwark.engine.variable;

/** Whether a variable belongs to an execution (and so to a process instance) or to a task. */
public enum ScopeType {
  EXECUTION,
  TASK
}
