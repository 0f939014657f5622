package io.bulwark.engine.bpmn.model;

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
    String name,
    int line,
    String scopeId,
    AsyncSettings async,
    String decisionKey,
    CalledElementBinding binding,
    String versionValue,
    String resultVariable,
    String mapDecisionResult)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.BUSINESS_RULE_TASK;
  }
}
