package io.bulwark.engine.expression;

import java.util.HashMap;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.jspecify.annotations.Nullable;

/** A FEEL expression parsed at deployment; evaluation copies the visible variables. */
final class FeelExpression implements Expression {

  private final String source;
  private final ParsedExpression parsed;
  private final FeelEngineApi engine;

  FeelExpression(String source, ParsedExpression parsed, FeelEngineApi engine) {
    this.source = source;
    this.parsed = parsed;
    this.engine = engine;
  }

  @Override
  public @Nullable Object evaluate(VariableLookup variables) {
    Map<String, Object> context = new HashMap<>();
    for (String name : variables.names()) {
      context.put(name, variables.get(name));
    }
    EvaluationResult result = engine.evaluate(parsed, context);
    if (result.isFailure()) {
      throw new ExpressionException(
          "FEEL expression " + source + " failed: " + result.failure().message());
    }
    return result.result();
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public ExpressionLanguage language() {
    return ExpressionLanguage.FEEL;
  }
}
