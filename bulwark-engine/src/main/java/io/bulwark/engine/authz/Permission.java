package io.bulwark.engine.authz;

/**
 * Permissions that can be granted on a {@link ResourceType} (Z2). {@link #ALL} in a grant grants
 * every permission of its resource type; in a revoke rule it revokes every one. Camunda 7's numbers
 * for these are in {@link CamundaNumbering}.
 */
public enum Permission {
  /** Every permission; only in grants and revoke rules, never asked for by a command. */
  ALL,
  READ,
  UPDATE,
  CREATE,
  DELETE,
  /** Use a web application (resource: the application's name). */
  ACCESS,
  /** Start an instance of a process definition. */
  START_INSTANCE,
  /** On a process definition: read the tasks of its instances (Z3). */
  READ_TASK,
  /** On a process definition: work on and assign the tasks of its instances. */
  UPDATE_TASK,
  /** On a process definition: read its instances and their variables (Z3). */
  READ_INSTANCE,
  /** On a process definition: change its instances. */
  UPDATE_INSTANCE,
  /** On a process definition: delete its instances. */
  DELETE_INSTANCE,
  /** Complete a task and change its variables. */
  TASK_WORK,
  /** Claim, assign or delegate a task. */
  TASK_ASSIGN,
  /** Read the variables of a task or an instance. */
  READ_VARIABLE,
  /** Read the history of a resource. */
  READ_HISTORY,
  /** Delete the history of a resource. */
  DELETE_HISTORY,
  /** Fetch and lock the external tasks of a topic. */
  FETCH_TOPIC,
  /** Retry, suspend or modify a running instance or job. */
  OPERATE
}
