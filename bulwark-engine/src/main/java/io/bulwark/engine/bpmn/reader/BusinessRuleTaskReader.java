package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.BusinessRuleTask;
import io.bulwark.engine.bpmn.model.CalledElementBinding;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/**
 * Business rule tasks that evaluate a DMN decision ({@code camunda:decisionRef}, binding latest,
 * deployment or version, {@code camunda:resultVariable}, {@code camunda:mapDecisionResult}). Rule
 * tasks carried out by a Java class, a delegate or a method expression are refused (Z10, E2).
 */
final class BusinessRuleTaskReader implements ElementReader {

  /** The result mappings of Camunda 7; resultList is its default. */
  static final Set<String> MAPPINGS =
      Set.of("singleEntry", "singleResult", "collectEntries", "resultList");

  private static final Set<String> ATTRIBUTES =
      UserTaskReader.union(
          ReadContext.ASYNC_ATTRIBUTES,
          Set.of(
              "decisionRef",
              "decisionRefBinding",
              "decisionRefVersion",
              "decisionRefVersionTag",
              "resultVariable",
              "mapDecisionResult"));

  /** Attributes that would run code; each is refused with its own message. */
  private static final Set<String> CODE =
      Set.of("class", "delegateExpression", "expression", "type");

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    for (String code : CODE) {
      if (element.attribute(Namespaces.CAMUNDA, code) != null) {
        ctx.problem(
            element,
            "camunda:"
                + code
                + " on a business rule task is refused: it runs code in the engine (Z10, E2);"
                + " name a DMN decision with camunda:decisionRef");
      }
    }
    ctx.checkShape(element, UserTaskReader.union(ATTRIBUTES, CODE), Set.of());
    ctx.extensions(element, Set.of());
    String key = element.attribute(Namespaces.CAMUNDA, "decisionRef");
    if (key == null || key.isBlank()) {
      ctx.problem(element, "business rule task has no camunda:decisionRef");
    } else if (key.contains("${") || key.contains("#{")) {
      ctx.problem(element, "camunda:decisionRef must be a decision key, not an expression");
    }
    CalledElementBinding binding = CallActivityReader.binding(element, ctx, "decisionRefBinding");
    String version = element.attribute(Namespaces.CAMUNDA, "decisionRefVersion");
    if (binding == CalledElementBinding.VERSION
        && (version == null || !version.matches("\\d{1,9}"))) {
      ctx.problem(element, "camunda:decisionRefVersion must be a version number");
    }
    String mapping = element.attribute(Namespaces.CAMUNDA, "mapDecisionResult");
    if (mapping == null) {
      mapping = "resultList";
    } else if (!MAPPINGS.contains(mapping)) {
      ctx.problem(
          element,
          "camunda:mapDecisionResult '" + mapping + "' is unknown; use one of " + MAPPINGS);
    }
    String resultVariable = element.attribute(Namespaces.CAMUNDA, "resultVariable");
    return new BusinessRuleTask(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        key,
        binding,
        version,
        resultVariable == null || resultVariable.isBlank() ? null : resultVariable,
        mapping);
  }
}
