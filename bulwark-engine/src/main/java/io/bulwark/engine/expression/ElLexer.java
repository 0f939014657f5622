package io.bulwark.engine.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of a {@code ${…}} expression into tokens. Rejects characters it does not know.
 */
final class ElLexer {

  private static final String[] OPERATORS = {
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", "(", ")",
    ".", "[", "]", ","
  };

  private final String text;
  private int pos;

  private ElLexer(String text) {
    this.text = text;
  }

  static List<ElToken> tokenize(String body) {
    return new ElLexer(body).run();
  }

  private List<ElToken> run() {
    List<ElToken> tokens = new ArrayList<>();
    while (true) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos >= text.length()) {
        tokens.add(new ElToken(ElToken.Kind.END, "", pos));
        return List.copyOf(tokens);
      }
      tokens.add(next());
    }
  }

  private ElToken next() {
    char c = text.charAt(pos);
    int start = pos;
    if (Character.isJavaIdentifierStart(c) && c != '$') {
      while (pos < text.length()
          && Character.isJavaIdentifierPart(text.charAt(pos))
          && text.charAt(pos) != '$') {
        pos++;
      }
      return new ElToken(ElToken.Kind.IDENTIFIER, text.substring(start, pos), start);
    }
    if (Character.isDigit(c)) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(c, start);
    }
    for (String op : OPERATORS) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return new ElToken(ElToken.Kind.OPERATOR, op, start);
      }
    }
    throw new ExpressionException("unexpected character '" + c + "' at position " + start);
  }

  private ElToken number(int start) {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos + 1 < text.length()
        && text.charAt(pos) == '.'
        && Character.isDigit(text.charAt(pos + 1))) {
      pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    return new ElToken(ElToken.Kind.NUMBER, text.substring(start, pos), start);
  }

  private ElToken string(char quote, int start) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return new ElToken(ElToken.Kind.STRING, value.toString(), start);
      }
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      value.append(c);
    }
    throw new ExpressionException("unterminated string starting at position " + start);
  }
}
