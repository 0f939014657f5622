package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DecisionEvaluation;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.variable.JavaValues;
import io.bulwark.engine.variable.VariableValues;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.DmnHitPolicyException;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a decision outside a process, as Camunda's decision API does: finds the definition
 * through the READ list filter (not found when unreadable, Z2/Z3), then checks START_INSTANCE
 * (Camunda's CREATE_INSTANCE) on its key. Inputs pass the variable limits and types of stored
 * variables (E4, W11); outputs are turned into the same value types. A decision that fails with
 * these inputs is a 400 naming the decision and the kind of failure, without the values; nothing is
 * written.
 */
record EvaluateDecisionCommand(
    Decisions decisions, VariableValues values, JavaValues javaValues, DecisionEvaluation request)
    implements Command<List<Map<String, @Nullable Object>>> {

  private static final String SCOPE = "decision evaluation";

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "reads the definition through the DECISION_DEFINITION READ filter (404 when unreadable),"
            + " then checks START_INSTANCE on its key");
  }

  @Override
  public List<Map<String, @Nullable Object>> execute(CommandContext context) throws SQLException {
    DecisionDefinition definition =
        request.definitionId() != null
            ? DecisionQueries.readable(context, request.definitionId())
            : DecisionQueries.latest(
                context,
                java.util.Objects.requireNonNull(request.key(), "by ID or by key"),
                request.tenantId());
    context.authorize(
        Requirement.of(
            ResourceType.DECISION_DEFINITION, Permission.START_INSTANCE, definition.key()));
    Map<String, Object> inputs = inputs();
    try {
      return outputs(decisions.evaluate(context, definition, inputs));
    } catch (DecisionException e) {
      throw new ValidationException(
          "variables",
          List.of("decision-evaluation"),
          "decision " + definition.key() + " failed with these inputs: " + reason(e));
    }
  }

  /**
   * Why the decision failed, in words that echo no input value and name no library class (W5): the
   * DMN library's messages quote the matched rules' objects and the refused values.
   */
  private static String reason(DecisionException e) {
    Throwable cause = e.getCause();
    if (cause == null || cause instanceof ValidationException) {
      // Bulwark's own message: a missing resource, an output of no variable type.
      return java.util.Objects.requireNonNullElse(e.getMessage(), "it failed");
    } else if (cause instanceof DmnHitPolicyException) {
      return "more rules matched than its hit policy allows";
    } else if (cause instanceof ExpressionException) {
      return "a FEEL expression of the decision could not be evaluated with them";
    }
    return "a value does not fit its type or an expression cannot be evaluated";
  }

  private Map<String, Object> inputs() {
    values.checkCount(SCOPE, request.variables().size());
    Map<String, Object> inputs = new HashMap<>();
    request
        .variables()
        .forEach(
            (name, value) ->
                inputs.put(name, javaValues.toJava(name, values.fromJava(name, value))));
    return inputs;
  }

  private List<Map<String, @Nullable Object>> outputs(List<Map<String, Object>> results) {
    List<Map<String, @Nullable Object>> answer = new ArrayList<>();
    for (Map<String, Object> result : results) {
      Map<String, @Nullable Object> entries = new LinkedHashMap<>();
      result.forEach((name, value) -> entries.put(name, output(name, value)));
      answer.add(entries);
    }
    return answer;
  }

  /** An output as a stored variable would hold it; FEEL's exact numbers become long or double. */
  private @Nullable Object output(String name, @Nullable Object value) {
    Object plain = DecisionValues.plain(value);
    if (plain == null) {
      return null;
    }
    try {
      return javaValues.toJava(name, values.fromJava(name, plain));
    } catch (ValidationException e) {
      throw new DecisionException(
          "output " + name + " has a value that is not a string, number, boolean or date", e);
    }
  }
}
