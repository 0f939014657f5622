package io.bulwark.engine.expression;

import org.jspecify.annotations.Nullable;

/** Exactly one {@code ${…}}; the result keeps its type (boolean, number, string, JSON). */
record ElExpression(String source, ElNode root) implements Expression {

  @Override
  public @Nullable Object evaluate(VariableLookup variables) {
    try {
      return root.eval(variables);
    } catch (ExpressionException e) {
      throw new ExpressionException("expression " + source + " failed: " + e.getMessage());
    }
  }

  @Override
  public ExpressionLanguage language() {
    return ExpressionLanguage.EL;
  }
}
