package io.bulwark.engine.api;

/** The operation conflicts with the stored state: a duplicate ID or a concurrent change. */
public final class ConflictException extends BulwarkException {

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
