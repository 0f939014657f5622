package io.bulwark.engine.expression;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for the body of one {@code ${…}} (E2). The grammar has no call, no
 * construction and no class reference; when the input tries one the parser says why it refuses.
 *
 * <pre>
 * ternary  := or ('?' ternary ':' ternary)?
 * or       := and (('||' | 'or') and)*
 * and      := equality (('&amp;&amp;' | 'and') equality)*
 * equality := relation (('==' | '!=' | 'eq' | 'ne') relation)*
 * relation := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | 'lt' | 'le' | 'gt' | 'ge') sum)*
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/' | '%' | 'div' | 'mod') unary)*
 * unary    := ('!' | 'not' | '-' | 'empty') unary | postfix
 * postfix  := primary ('.' IDENT | '[' (STRING | INTEGER) ']')*
 * primary  := literal | IDENT | '(' ternary ')'
 * </pre>
 */
final class ElParser {

  /** Nesting limit, so a hostile expression cannot exhaust the stack. */
  static final int MAX_DEPTH = 32;

  private static final Map<String, String> WORD_OPERATORS =
      Map.of(
          "or", "||", "and", "&&", "eq", "==", "ne", "!=", "lt", "<", "le", "<=", "gt", ">", "ge",
          ">=", "div", "/", "mod", "%");

  /** Names that lead to Java classes, reflection or engine internals in other EL engines. */
  private static final Set<String> FORBIDDEN_NAMES =
      Set.of(
          "class",
          "getClass",
          "classLoader",
          "new",
          "instanceof",
          "T",
          "Runtime",
          "System",
          "Class",
          "ClassLoader",
          "Thread",
          "ProcessBuilder",
          "Object",
          "Math",
          "java",
          "javax",
          "jdk",
          "sun",
          "execution",
          "task",
          "externalTask",
          "connector",
          "variableScope",
          "authenticatedUserId",
          "beans",
          "context");

  private final List<ElToken> tokens;
  private int pos;
  private int depth;

  private ElParser(List<ElToken> tokens) {
    this.tokens = tokens;
  }

  static ElNode parse(String body) {
    ElParser parser = new ElParser(ElLexer.tokenize(body));
    ElNode node = parser.ternary();
    ElToken rest = parser.peek();
    if (rest.kind() != ElToken.Kind.END) {
      throw new ExpressionException(
          "unexpected '" + rest.text() + "' at position " + rest.position());
    }
    return node;
  }

  private ElNode ternary() {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionException("expression nested deeper than " + MAX_DEPTH + " levels");
    }
    ElNode condition = binary(0);
    if (accept("?")) {
      ElNode whenTrue = ternary();
      expect(":");
      ElNode whenFalse = ternary();
      condition = new ElNode.Conditional(condition, whenTrue, whenFalse);
    }
    depth--;
    return condition;
  }

  private static final List<Set<String>> LEVELS =
      List.of(
          Set.of("||"),
          Set.of("&&"),
          Set.of("==", "!="),
          Set.of("<", "<=", ">", ">="),
          Set.of("+", "-"),
          Set.of("*", "/", "%"));

  private ElNode binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    ElNode left = binary(level + 1);
    while (true) {
      String op = operator(peek());
      if (op == null || !LEVELS.get(level).contains(op)) {
        return left;
      }
      pos++;
      left = new ElNode.Binary(op, left, binary(level + 1));
    }
  }

  private static @Nullable String operator(ElToken token) {
    if (token.kind() == ElToken.Kind.IDENTIFIER) {
      return WORD_OPERATORS.get(token.text());
    }
    return token.kind() == ElToken.Kind.OPERATOR ? token.text() : null;
  }

  private ElNode unary() {
    ElToken token = peek();
    if (token.is("!") || token.is("not") || token.is("-") || token.is("empty")) {
      pos++;
      if (++depth > MAX_DEPTH) {
        throw new ExpressionException("expression nested deeper than " + MAX_DEPTH + " levels");
      }
      String op = token.text().equals("not") ? "!" : token.text();
      ElNode operand = unary();
      depth--;
      return new ElNode.Unary(op, operand);
    }
    return postfix(primary());
  }

  private ElNode postfix(ElNode base) {
    ElNode node = base;
    while (true) {
      if (accept(".")) {
        ElToken name = next();
        if (name.kind() != ElToken.Kind.IDENTIFIER) {
          throw new ExpressionException("expected a property name at position " + name.position());
        }
        checkName(name);
        if (node instanceof ElDateTime
            && peek().is("(")
            && ElDateTime.METHODS.contains(name.text())) {
          expect("(");
          ElNode argument = name.text().equals("toDate") ? null : ternary();
          expect(")");
          node = new ElDateTime(node, name.text(), argument);
          continue;
        }
        rejectCall(name.text());
        node = new ElNode.Property(node, name.text());
      } else if (accept("[")) {
        node = index(node);
      } else {
        rejectCall(null);
        return node;
      }
    }
  }

  private ElNode index(ElNode base) {
    ElToken key = next();
    expect("]");
    if (key.kind() == ElToken.Kind.STRING) {
      checkName(key);
      return new ElNode.Property(base, key.text());
    }
    if (key.kind() == ElToken.Kind.NUMBER && key.text().matches("\\d{1,9}")) {
      return new ElNode.Index(base, Integer.parseInt(key.text()));
    }
    throw new ExpressionException(
        "bracket access takes only a string or integer literal (position "
            + key.position()
            + "); computed names could reach classes (E2)");
  }

  private void rejectCall(@Nullable String name) {
    if (peek().is("(")) {
      throw new ExpressionException(
          (name == null ? "function call" : "method call '" + name + "(…)'")
              + " at position "
              + peek().position()
              + " is not allowed; expressions may only read process variables (E2)");
    }
  }

  private ElNode primary() {
    ElToken token = next();
    switch (token.kind()) {
      case NUMBER -> {
        return new ElNode.Literal(number(token.text()));
      }
      case STRING -> {
        return new ElNode.Literal(token.text());
      }
      case IDENTIFIER -> {
        return identifier(token);
      }
      case OPERATOR -> {
        if (token.is("(")) {
          ElNode inner = ternary();
          expect(")");
          return inner;
        }
        throw new ExpressionException(
            "unexpected '" + token.text() + "' at position " + token.position());
      }
      default -> throw new ExpressionException("expression ends too early");
    }
  }

  private ElNode identifier(ElToken token) {
    switch (token.text()) {
      case "true" -> {
        return new ElNode.Literal(true);
      }
      case "false" -> {
        return new ElNode.Literal(false);
      }
      case "null" -> {
        return new ElNode.Literal(null);
      }
      default -> {
        checkName(token);
        if (token.text().equals("dateTime") && peek().is("(")) {
          expect("(");
          expect(")");
          return ElDateTime.now();
        }
        if (peek().is("(")) {
          throw new ExpressionException(
              "call of '"
                  + token.text()
                  + "(…)' is not allowed: expressions cannot call functions, beans or"
                  + " methods (E2)");
        }
        if (WORD_OPERATORS.containsKey(token.text())) {
          throw new ExpressionException("unexpected '" + token.text() + "'");
        }
        return new ElNode.Variable(token.text());
      }
    }
  }

  private static void checkName(ElToken token) {
    if (FORBIDDEN_NAMES.contains(token.text())) {
      throw new ExpressionException(
          "'"
              + token.text()
              + "' is not allowed: it refers to Java classes or engine internals, and"
              + " expressions may only read process variables (E2)");
    }
  }

  private static Object number(String text) {
    if (text.contains(".")) {
      return new BigDecimal(text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ExpressionException("number out of range: " + text);
    }
  }

  private ElToken peek() {
    return tokens.get(pos);
  }

  private ElToken next() {
    ElToken token = tokens.get(pos);
    if (token.kind() != ElToken.Kind.END) {
      pos++;
    }
    return token;
  }

  private boolean accept(String op) {
    if (peek().kind() == ElToken.Kind.OPERATOR && peek().is(op)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String op) {
    if (!accept(op)) {
      throw new ExpressionException(
          "expected '"
              + op
              + "' at position "
              + peek().position()
              + " but found '"
              + peek().text()
              + "'");
    }
  }
}
