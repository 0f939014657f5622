package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * {@code bpmn:multiInstanceLoopCharacteristics} of an activity: the activity runs once per item of
 * {@code collection} (a list; each run gets the item as local {@code elementVariable}, when named)
 * or {@code loopCardinality} times, one after another when {@code sequential}, else all at once.
 * {@code completionCondition}, when set, is checked after each run and ends the remaining ones when
 * true. Exactly one of {@code loopCardinality} and {@code collection} is set.
 *
 * <p>As in Camunda, the activity's multi-instance body holds the local variables {@code
 * nrOfInstances}, {@code nrOfActiveInstances} and {@code nrOfCompletedInstances}; each run holds
 * {@code loopCounter} (from 0).
 *
 * <p>{@code runAsync} is {@code camunda:asyncBefore/asyncAfter} on the loop characteristics: each
 * run waits for a job of its own before it starts or after it ended (the activity's own async
 * settings apply to the body, as in Camunda).
 */
public record MultiInstance(
    boolean sequential,
    io.bulwark.engine.expression.@Nullable Expression loopCardinality,
    io.bulwark.engine.expression.@Nullable Expression collection,
    @Nullable String elementVariable,
    io.bulwark.engine.expression.@Nullable Expression completionCondition,
    AsyncSettings runAsync) {

  /** Characteristics whose runs continue without jobs of their own. */
  public MultiInstance(
      boolean sequential,
      io.bulwark.engine.expression.@Nullable Expression loopCardinality,
      io.bulwark.engine.expression.@Nullable Expression collection,
      @Nullable String elementVariable,
      io.bulwark.engine.expression.@Nullable Expression completionCondition) {
    this(
        sequential,
        loopCardinality,
        collection,
        elementVariable,
        completionCondition,
        AsyncSettings.NONE);
  }

  /** Activity ID suffix of the body in history, as Camunda names it. */
  public static final String BODY_SUFFIX = "#multiInstanceBody";

  /** Activity type of the body in history, as in Camunda. */
  public static final String BODY_TYPE = "multiInstanceBody";
}
