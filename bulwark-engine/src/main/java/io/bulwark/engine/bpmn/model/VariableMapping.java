package io.bulwark.engine.bpmn.model;

/**
 * {@code camunda:in} / {@code camunda:out} of a call activity, and {@code camunda:in} of a signal
 * throw event (its payload): copies only, no expressions.
 */
public sealed interface VariableMapping {

  /** {@code variables="all"}: copy every variable. */
  record All() implements VariableMapping {}

  /**
   * {@code variables="all" local="true"}: copy the variables local to the mapping activity (its
   * input parameters), not those of the scopes around it.
   */
  record AllLocal() implements VariableMapping {}

  /** Copy variable {@code source} to variable {@code target}. */
  record Copy(String source, String target) implements VariableMapping {}
}
