package io.bulwark.engine.authz;

/** Permissions that can be granted on a {@link ResourceType} (Z2). */
public enum Permission {
  READ,
  UPDATE,
  CREATE,
  DELETE,
  /** Start an instance of a process definition. */
  START_INSTANCE,
  /** Complete a task and change its variables. */
  TASK_WORK,
  /** Claim, assign or delegate a task. */
  TASK_ASSIGN,
  /** Read the history of a resource. */
  READ_HISTORY,
  /** Retry, suspend or modify a running instance or job. */
  OPERATE
}
