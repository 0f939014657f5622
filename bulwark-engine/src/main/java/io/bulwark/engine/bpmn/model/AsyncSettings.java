package io.bulwark.engine.bpmn.model;

/**
 * {@code camunda:asyncBefore}, {@code camunda:asyncAfter} and {@code camunda:exclusive}: whether
 * the runtime commits and continues in a job before or after the activity, and whether such jobs of
 * one process instance run one at a time (default true, as in Camunda).
 */
public record AsyncSettings(boolean before, boolean after, boolean exclusive) {

  public static final AsyncSettings NONE = new AsyncSettings(false, false, true);
}
