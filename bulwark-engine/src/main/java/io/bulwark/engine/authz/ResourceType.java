package io.bulwark.engine.authz;

/**
 * The kinds of resource a permission can be granted on (Z2). A grant names one resource ID of a
 * type or {@link Requirement#ANY} for all of them. IDs: a process or decision definition is named
 * by its key, an external-task topic by its topic name, everything else by its ID.
 */
public enum ResourceType {
  APPLICATION,
  DEPLOYMENT,
  PROCESS_DEFINITION,
  /** A DMN decision, named by its key like a process definition. */
  DECISION_DEFINITION,
  PROCESS_INSTANCE,
  TASK,
  JOB,
  EXTERNAL_TASK,
  /** The topic an external-task worker fetches from (resource ID: the topic name). */
  EXTERNAL_TASK_TOPIC,
  INCIDENT,
  HISTORY,
  USER,
  GROUP,
  TENANT,
  AUTHORIZATION,
  AUDIT_LOG,
  SYSTEM
}
