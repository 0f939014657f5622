package io.bulwark.engine.bpmn.model;

/** {@code camunda:in} / {@code camunda:out} of a call activity: copies only, no expressions. */
public sealed interface VariableMapping {

  /** {@code variables="all"}: copy every variable. */
  record All() implements VariableMapping {}

  /** Copy variable {@code source} to variable {@code target}. */
  record Copy(String source, String target) implements VariableMapping {}
}
