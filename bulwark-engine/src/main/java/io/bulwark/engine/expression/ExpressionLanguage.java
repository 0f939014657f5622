package io.bulwark.engine.expression;

/** Which language an expression text is compiled as. */
public enum ExpressionLanguage {
  /** Plain text without any {@code ${…}}: evaluates to itself. */
  LITERAL,
  /** The {@code ${…}} subset of the Camunda 7 expression language (our own grammar). */
  EL,
  /** FEEL, selected by {@code language="feel"} or a leading {@code =}. */
  FEEL
}
