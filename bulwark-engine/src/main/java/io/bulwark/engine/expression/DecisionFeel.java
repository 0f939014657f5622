package io.bulwark.engine.expression;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.jspecify.annotations.Nullable;

/**
 * FEEL for the entries of DMN decision tables (issue 16), on the one FEEL engine of the process
 * (E2): external (Java) functions disabled and refused at deployment. Parsed entries are kept, so
 * that a deployed table is parsed once; the cache is dropped when it grows past {@link #MAX_CACHED}
 * entries, which bounds its memory.
 */
public final class DecisionFeel {

  static final int MAX_CACHED = 20_000;

  private static final Map<String, ParsedExpression> EXPRESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, ParsedExpression> UNARY_TESTS = new ConcurrentHashMap<>();

  private DecisionFeel() {}

  /**
   * Checks an entry at deployment: length, no external function, FEEL syntax.
   *
   * @param unaryTests true for input entries (unary tests), false for expressions
   * @throws ExpressionException naming the rule the text breaks
   */
  public static void check(String text, boolean unaryTests) {
    parse(text, unaryTests);
  }

  /** Evaluates a FEEL expression (input expression, output entry, literal expression). */
  public static @Nullable Object evaluate(String text, Map<String, Object> variables) {
    return value(FeelSupport.shared().engine().evaluate(parse(text, false), variables), text);
  }

  /** Evaluates FEEL unary tests (an input entry) against {@code input}; true when they match. */
  public static boolean matches(
      String text, @Nullable Object input, Map<String, Object> variables) {
    Object result =
        value(
            FeelSupport.shared().engine().evaluateWithInput(parse(text, true), input, variables),
            text);
    if (result instanceof Boolean matched) {
      return matched;
    }
    if (result == null) {
      return false;
    }
    throw new ExpressionException(
        "FEEL unary tests '" + text + "' gave " + result + ", not true or false");
  }

  private static Object value(EvaluationResult result, String text) {
    if (result.isFailure()) {
      throw new ExpressionException(
          "FEEL expression '" + text + "' failed: " + result.failure().message());
    }
    return result.result();
  }

  private static ParsedExpression parse(String text, boolean unaryTests) {
    Map<String, ParsedExpression> cache = unaryTests ? UNARY_TESTS : EXPRESSIONS;
    ParsedExpression cached = cache.get(text);
    if (cached != null) {
      return cached;
    }
    if (text.length() > ExpressionCompiler.MAX_LENGTH) {
      throw new ExpressionException(
          "FEEL entry is "
              + text.length()
              + " characters long; the limit is "
              + ExpressionCompiler.MAX_LENGTH);
    }
    FeelSupport.refuseExternal(text, "'" + text + "'");
    FeelEngineApi engine = FeelSupport.shared().engine();
    ParseResult parsed = unaryTests ? engine.parseUnaryTests(text) : engine.parseExpression(text);
    if (parsed.isFailure()) {
      throw new ExpressionException(
          "FEEL "
              + (unaryTests ? "unary tests '" : "expression '")
              + text
              + "' rejected: "
              + parsed.failure().message());
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(text, parsed.parsedExpression());
    return parsed.parsedExpression();
  }
}
