package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableRow;
import io.bulwark.engine.variable.VariableRows;
import io.bulwark.engine.variable.VariableScope;
import io.bulwark.engine.variable.VariableValues;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.jspecify.annotations.Nullable;

/**
 * Turns one evaluation (the root decision and the decisions it requires) into decision history
 * rows, registered in the command's unit of work: they are flushed with the command's other writes
 * in its one batch at commit, in its transaction. A decision whose expressions (or those of a
 * decision of the same evaluation) mention a sensitive variable of the evaluation keeps none of its
 * values: every input and output is stored masked, with its type only (D1). Stateless.
 */
final class DecisionHistory {

  /** The name under which decision values pass the variable checks; it appears in no message. */
  private static final String VALUE_NAME = "decisionValue";

  private final VariableValues values;

  DecisionHistory(VariableValues values) {
    this.values = values;
  }

  /**
   * Records an evaluation. {@code root} is the evaluated definition; {@code required} finds the
   * definitions of the decisions it requires, by key (called only when there are some).
   */
  void record(
      CommandContext context,
      DecisionOrigin origin,
      DecisionDefinition root,
      DmnDecisionEvaluationEvent event,
      RequiredDefinitions required)
      throws SQLException {
    Instant now = context.now();
    String userId = origin.inProcess() ? null : context.actor().userId();
    boolean masked = mentionsSensitive(event, origin.sensitiveNames());
    String rootId = RowIds.next();
    Writer writer = new Writer(context.unitOfWork(), origin, now, masked);
    writer.decision(rootId, root, null, userId, event.getDecisionResult());
    if (!event.getRequiredDecisionResults().isEmpty()) {
      Map<String, DecisionDefinition> byKey = required.byKey(root.deploymentId());
      for (DmnDecisionLogicEvaluationEvent part : event.getRequiredDecisionResults()) {
        DecisionDefinition definition = byKey.get(part.getDecision().getKey());
        if (definition != null) {
          writer.decision(RowIds.next(), definition, rootId, userId, part);
        }
      }
    }
  }

  /** Reads the definitions of one deployment by decision key. */
  @FunctionalInterface
  interface RequiredDefinitions {
    Map<String, DecisionDefinition> byKey(String deploymentId) throws SQLException;
  }

  private static boolean mentionsSensitive(DmnDecisionEvaluationEvent event, Set<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    return Stream.concat(
            Stream.of(event.getDecisionResult()), event.getRequiredDecisionResults().stream())
        .flatMap(part -> expressions(part.getDecision()))
        .anyMatch(text -> names.stream().anyMatch(text::contains));
  }

  /** Every expression text of a decision: input expressions, rule entries, a literal. */
  private static Stream<String> expressions(DmnDecision decision) {
    List<DmnExpressionImpl> all = new ArrayList<>();
    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      table.getInputs().forEach(input -> all.add(input.getExpression()));
      for (DmnDecisionTableRuleImpl rule : table.getRules()) {
        all.addAll(rule.getConditions());
        all.addAll(rule.getConclusions());
      }
    } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
      all.add(literal.getExpression());
    }
    List<String> texts = new ArrayList<>();
    for (DmnExpressionImpl expression : all) {
      if (expression != null && expression.getExpression() != null) {
        texts.add(expression.getExpression());
      }
    }
    return texts.stream();
  }

  /** Writes the rows of one evaluation. */
  private final class Writer {
    private final UnitOfWork work;
    private final DecisionOrigin origin;
    private final Instant now;
    private final boolean masked;

    Writer(UnitOfWork work, DecisionOrigin origin, Instant now, boolean masked) {
      this.work = work;
      this.origin = origin;
      this.now = now;
      this.masked = masked;
    }

    void decision(
        String id,
        DecisionDefinition definition,
        @Nullable String rootId,
        @Nullable String userId,
        DmnDecisionLogicEvaluationEvent event) {
      Double collected = null;
      if (event instanceof DmnDecisionTableEvaluationEvent table) {
        collected = masked ? null : collected(table);
        List<DmnEvaluatedInput> inputs = table.getInputs();
        for (int i = 0; i < inputs.size(); i++) {
          DmnEvaluatedInput input = inputs.get(i);
          value(id, false, i, input.getId(), input.getName(), null, null, null, input.getValue());
        }
        outputs(id, table);
      } else if (event instanceof DmnDecisionLiteralExpressionEvaluationEvent literal) {
        value(
            id, true, 0, null, null, null, null, literal.getOutputName(), literal.getOutputValue());
      }
      work.insert(
          DecisionHistoryRows.INSTANCE,
          new DecisionHistoryRows.InstanceRow(
              id,
              definition.id(),
              definition.key(),
              definition.name(),
              definition.version(),
              definition.tenantId(),
              now,
              origin,
              rootId,
              userId,
              collected));
    }

    private void outputs(String id, DmnDecisionTableEvaluationEvent table) {
      List<String> ruleIds =
          table.getDecision().getDecisionLogic() instanceof DmnDecisionTableImpl impl
              ? impl.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList()
              : List.of();
      int position = 0;
      for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
        int order = ruleIds.indexOf(rule.getId());
        for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
          value(
              id,
              true,
              position++,
              output.getId(),
              output.getName(),
              rule.getId(),
              order < 0 ? null : order + 1,
              output.getOutputName(),
              output.getValue());
        }
      }
    }

    private @Nullable Double collected(DmnDecisionTableEvaluationEvent table) {
      var value = table.getCollectResultValue();
      return value != null && value.getValue() instanceof Number number
          ? number.doubleValue()
          : null;
    }

    private void value(
        String decisionId,
        boolean output,
        int position,
        @Nullable String clauseId,
        @Nullable String clauseName,
        @Nullable String ruleId,
        @Nullable Integer ruleOrder,
        @Nullable String variableName,
        org.camunda.bpm.engine.variable.value.@Nullable TypedValue value) {
      String error = null;
      TypedValue typed = new TypedValue.NullValue();
      try {
        Object plain = DecisionValues.plain(value == null ? null : value.getValue());
        if (plain != null) {
          typed = values.fromJava(VALUE_NAME, plain);
        }
      } catch (ValidationException e) {
        typed = new TypedValue.NullValue();
        error = "not kept: not a string, number, boolean, date or JSON value within the limits";
      }
      VariableRow row =
          VariableRows.toRow(
              decisionId, VariableScope.execution(decisionId, decisionId), VALUE_NAME, typed, 1);
      work.insert(
          DecisionHistoryRows.VALUE,
          new DecisionHistoryRows.ValueRow(
              RowIds.next(),
              decisionId,
              origin.processInstanceId(),
              output,
              position,
              clauseId,
              clauseName,
              ruleId,
              ruleOrder,
              variableName,
              row.valueType().name(),
              masked ? null : row.textValue(),
              masked ? null : row.longValue(),
              masked ? null : row.doubleValue(),
              masked ? null : row.bytesValue(),
              masked,
              error,
              now));
    }
  }
}
