package io.bulwark.engine.command;

/** A resource named by id does not exist (or is not visible to the caller). */
public final class NotFoundException extends EngineException {

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
