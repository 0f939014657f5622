package io.bulwark.engine.authz;

/** The kinds of resource a permission can be granted on (Z2). */
public enum ResourceType {
  APPLICATION,
  DEPLOYMENT,
  PROCESS_DEFINITION,
  PROCESS_INSTANCE,
  TASK,
  JOB,
  EXTERNAL_TASK,
  INCIDENT,
  HISTORY,
  USER,
  GROUP,
  TENANT,
  AUTHORIZATION,
  AUDIT_LOG,
  SYSTEM
}
