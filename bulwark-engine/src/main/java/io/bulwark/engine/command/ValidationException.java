package io.bulwark.engine.command;

/** An input broke a rule; the message names the input and the rule (W11, E4). */
public final class ValidationException extends EngineException {

  public ValidationException(String message) {
    super(message);
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
