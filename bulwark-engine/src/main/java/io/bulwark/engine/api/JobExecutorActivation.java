package io.bulwark.engine.api;

/** Whether {@link BulwarkEngineBuilder#build()} starts the background job executor (O5). */
public enum JobExecutorActivation {
  /** Start it with the engine and stop it on {@link BulwarkEngine#close()} (the default). */
  ON,
  /**
   * Do not run jobs on this node: async continuations and timers wait until a node with an active
   * executor (or {@link ManagementService#executeJob}) runs them.
   */
  OFF
}
