package io.bulwark.engine.dmn;

import io.bulwark.engine.expression.DecisionFeel;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jspecify.annotations.Nullable;

/**
 * Plugs Bulwark's FEEL ({@link DecisionFeel}: built-in functions only, no Java, E2) into the DMN
 * engine in place of its own FEEL back end, so that one FEEL engine serves BPMN and DMN.
 */
final class DmnFeel implements FeelEngine, FeelEngineFactory {

  @Override
  public FeelEngine createInstance() {
    return this;
  }

  @Override
  // The signature is Camunda's FeelEngine interface.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  public <T> @Nullable T evaluateSimpleExpression(String expression, VariableContext context) {
    return (T) DecisionFeel.evaluate(expression, variables(context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext context) {
    Map<String, Object> variables = variables(context);
    return DecisionFeel.matches(expression, variables.get(inputVariable), variables);
  }

  private static Map<String, Object> variables(VariableContext context) {
    Map<String, Object> variables = new HashMap<>();
    for (String name : context.keySet()) {
      TypedValue value = context.resolve(name);
      variables.put(name, value == null ? null : value.getValue());
    }
    return variables;
  }
}
