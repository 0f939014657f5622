package io.bulwark.engine.expression;

/** One lexical token of the {@code ${…}} language; {@code position} is 0-based in the body. */
record ElToken(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    NUMBER,
    STRING,
    OPERATOR,
    END
  }

  boolean is(String operatorOrKeyword) {
    return (kind == Kind.OPERATOR || kind == Kind.IDENTIFIER) && text.equals(operatorOrKeyword);
  }
}
