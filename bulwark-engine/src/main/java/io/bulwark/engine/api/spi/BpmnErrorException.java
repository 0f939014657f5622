package io.bulwark.engine.api.spi;

/**
 * Thrown by a {@link JavaDelegate} to raise a BPMN error with {@code errorCode}; the nearest
 * boundary error event that catches the code takes over, up the scopes and across call activities.
 * When none catches it, the command fails.
 */
public final class BpmnErrorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public BpmnErrorException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
