package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import org.jspecify.annotations.Nullable;

/**
 * Starts process {@code calledElement} and waits for it. {@code bindingValue} is the version or
 * version tag for those bindings, otherwise null. When the model writes either as an expression,
 * {@code calledExpression} or {@code versionExpression} holds it, evaluated at each call. Mappings
 * copy variables only; no expressions.
 */
public record CallActivity(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    @Nullable String calledElement,
    @Nullable Expression calledExpression,
    CalledElementBinding binding,
    @Nullable String bindingValue,
    @Nullable Expression versionExpression,
    java.util.List<VariableMapping> inputs,
    java.util.List<VariableMapping> outputs)
    implements Activity {

  public CallActivity {
    inputs = java.util.List.copyOf(inputs);
    outputs = java.util.List.copyOf(outputs);
  }

  @Override
  public ElementType type() {
    return ElementType.CALL_ACTIVITY;
  }
}
