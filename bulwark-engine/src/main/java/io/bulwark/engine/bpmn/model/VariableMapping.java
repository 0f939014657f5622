package io.bulwark.engine.bpmn.model;

/**
 * {@code camunda:in} / {@code camunda:out} of a call activity, and {@code camunda:in} of a signal
 * throw event (its payload): copies only, no expressions.
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
}
