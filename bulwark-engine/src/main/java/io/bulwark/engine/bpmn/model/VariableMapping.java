package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import org.jspecify.annotations.Nullable;

/**
 * {@code camunda:in} / {@code camunda:out} of a call activity, and {@code camunda:in} of a signal
 * throw event (its payload): copies, or the values of safe expressions (E2).
 */
public sealed interface VariableMapping {

  /** {@code variables="all"}: copy every variable. */
  record All() implements VariableMapping {}

  /**
   * {@code variables="all" local="true"}: a {@code camunda:in} copies the variables local to the
   * mapping activity (its input parameters), not those of the scopes around it; a {@code
   * camunda:out} copies every variable of the called instance into the call activity's own scope.
   */
  record AllLocal() implements VariableMapping {}

  /**
   * {@code local="true"} with {@code source} and {@code target}: a {@code camunda:in} copies from
   * the mapping activity's own variables; a {@code camunda:out} copies into them (to be read by the
   * call activity's output parameters).
   */
  record LocalCopy(String source, String target) implements VariableMapping {}

  /** Copy variable {@code source} to variable {@code target}. */
  record Copy(String source, String target) implements VariableMapping {}

  /**
   * {@code sourceExpression}: the value of a safe expression (E2) over the variables a copy would
   * read, set as {@code target}; {@code local} as for {@link LocalCopy}.
   */
  record Computed(Expression source, String target, boolean local) implements VariableMapping {}

  /**
   * {@code camunda:in businessKey} of a call activity: the called instance's business key is the
   * value of {@code expression}, or the caller's business key when it is null ({@code
   * ${execution.processBusinessKey}}).
   */
  record BusinessKey(@Nullable Expression expression) implements VariableMapping {}
}
