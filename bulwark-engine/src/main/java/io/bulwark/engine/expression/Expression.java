package io.bulwark.engine.expression;

import org.jspecify.annotations.Nullable;

/**
 * A compiled, immutable, thread-safe expression (E2). Instances come only from {@link
 * ExpressionCompiler}, so every instance has passed the deployment-time safety checks.
 */
public interface Expression {

  /**
   * Evaluates against process variables. Values are JSON-like: {@code null}, {@link String}, {@link
   * Boolean}, {@link Number}, {@link java.util.Map} with string keys and {@link java.util.List}.
   *
   * @throws ExpressionException when a variable is unknown or an operation does not fit the types
   */
  @Nullable Object evaluate(VariableLookup variables);

  /** The text as written in the model, for messages. */
  String source();

  /** The language the text was compiled as. */
  ExpressionLanguage language();

  /**
   * Evaluates a condition (sequence flow, gateway). The result must be a {@link Boolean}; anything
   * else, including {@code null}, is an error rather than a silent {@code false}.
   */
  default boolean evaluateCondition(VariableLookup variables) {
    Object value = evaluate(variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ExpressionException(
        "condition " + source() + " returned " + Values.describe(value) + ", not a boolean");
  }
}
