package io.bulwark.engine.api;

/** What deleting a deployment does with the running instances of its process definitions. */
public enum DeploymentDeletion {
  /** Refuses (conflict) while any instance of its definitions runs. */
  REFUSE_WHILE_RUNNING,
  /** Cancels those instances first (Camunda's {@code cascade=true}); history keeps them. */
  CANCEL_INSTANCES
}
