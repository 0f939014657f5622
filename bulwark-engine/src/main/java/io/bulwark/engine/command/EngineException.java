package io.bulwark.engine.command;

/**
 * The unchecked root of the engine's errors; each subclass maps to one problem type. Messages carry
 * ids and the rule broken, never secrets, SQL or stack traces. (To be re-pointed to the public API
 * exception root when the branches merge.)
 */
public abstract class EngineException extends RuntimeException {

  protected EngineException(String message) {
    super(message);
  }

  protected EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
