package io.bulwark.engine.command;

/** Another transaction changed or created the same row first; retrying may succeed. */
public final class ConflictException extends EngineException {

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
