package io.bulwark.engine.api;

/** The acting principal lacks the permission the operation needs (Z1, Z2). */
public final class ForbiddenException extends BulwarkException {

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
