package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Starts process {@code calledElement} and waits for it. {@code bindingValue} is the version or
 * version tag for those bindings, otherwise null. Mappings copy variables only; no expressions.
 */
public record CallActivity(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    @Nullable String calledElement,
    CalledElementBinding binding,
    @Nullable String bindingValue,
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
