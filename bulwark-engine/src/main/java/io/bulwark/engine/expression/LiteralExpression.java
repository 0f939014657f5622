package io.bulwark.engine.expression;

import org.jspecify.annotations.Nullable;

/** Text without {@code ${…}}: evaluates to itself. */
record LiteralExpression(String source) implements Expression {

  @Override
  public @Nullable Object evaluate(VariableLookup variables) {
    return source;
  }

  @Override
  public ExpressionLanguage language() {
    return ExpressionLanguage.LITERAL;
  }
}
