package io.bulwark.engine.command;

/** The actor lacks the permission a command requires (Z2). */
public final class ForbiddenException extends EngineException {

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
