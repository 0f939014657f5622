package io.bulwark.engine.bpmn;

/** What to do with script tasks and script conditions (E3). */
public enum ScriptPolicy {
  /** Default: scripts are rejected at deployment. */
  REJECT,
  /**
   * The caller would allow scripts, but Bulwark ships no script engine, so scripts are still
   * rejected, with a message saying scripting is not available.
   */
  ALLOW_INSECURE_SCRIPTS
}
