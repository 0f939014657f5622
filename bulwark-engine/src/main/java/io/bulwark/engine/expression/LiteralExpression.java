package io.bulwark.engine.expression;

/** Text without {@code ${…}}: evaluates to itself. */
record LiteralExpression(String source) implements Expression {

  @Override
  public Object evaluate(VariableLookup variables) {
    return source;
  }

  @Override
  public ExpressionLanguage language() {
    return ExpressionLanguage.LITERAL;
  }
}
