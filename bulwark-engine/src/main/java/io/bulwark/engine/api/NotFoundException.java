package io.bulwark.engine.api;

/** The named entity does not exist (or the caller may not know that it does). */
public final class NotFoundException extends BulwarkException {

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
