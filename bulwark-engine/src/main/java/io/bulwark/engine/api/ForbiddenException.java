package io.bulwark.engine.api;

/**
 * The acting principal may not do the operation (Z1, Z2): a disabled account, or, as the subclass
 * {@link AuthorizationDeniedException}, a missing permission.
 */
public class ForbiddenException extends BulwarkException {

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
