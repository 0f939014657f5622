package io.bulwark.engine.expression;

/**
 * An expression was rejected when compiled (unsafe or malformed, E2) or failed when evaluated
 * (unknown variable, type mismatch). Messages quote the expression and never contain variable
 * values beyond their type.
 */
public class ExpressionException extends io.bulwark.engine.api.BulwarkException {

  private static final long serialVersionUID = 1L;

  public ExpressionException(String message) {
    super(message);
  }
}
