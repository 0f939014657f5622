package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * Evaluates a DMN decision ({@code camunda:decisionRef}) with the variables of the execution and
 * stores the mapped result ({@code camunda:mapDecisionResult}) in {@code resultVariable} (null: not
 * stored).
 *
 * @param binding which version of the decision: latest, the one deployed with the process, or a
 *     fixed version ({@code versionValue})
 */
public record BusinessRuleTask(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    @Nullable String decisionKey,
    CalledElementBinding binding,
    @Nullable String versionValue,
    @Nullable String resultVariable,
    String mapDecisionResult)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.BUSINESS_RULE_TASK;
  }
}
