package io.bulwark.cli;

/** An operation of {@code bulwark admin} that the engine or the server refused; exit status 1. */
final class OperatorFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OperatorFailure(String message) {
    super(message);
  }

  OperatorFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
