package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.VariableLookup;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conditional start events of processes, as Camunda's {@code
 * RuntimeService.createConditionEvaluation().evaluateStartConditions()}: each conditional start
 * event of the latest version of a process (subscribed at deployment) whose condition holds over
 * the given variables starts one instance with them; a condition that reads a variable not given is
 * false (Camunda's {@code tryEvaluate}); with {@code camunda:variableName}, the condition is
 * checked only when that variable is given. Suspended definitions start nothing.
 */
public final class ConditionalStarts {

  private static final String SUBSCRIBERS =
      "SELECT activity_id, process_definition_id FROM bw_event_subscription"
          + " WHERE event_type = 'conditional' AND execution_id IS NULL"
          + " ORDER BY created_at, id";

  /** A subscription of a process's conditional start event. */
  public record Subscriber(String startEventId, String definitionId) {}

  private ConditionalStarts() {}

  /** The conditional start events of the latest process versions, oldest deployment first. */
  public static List<Subscriber> subscribers(RuntimeSession session) throws SQLException {
    List<Subscriber> result = new ArrayList<>();
    try (PreparedStatement statement =
            session.context().connection().prepareStatement(SUBSCRIBERS);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        result.add(new Subscriber(rs.getString(1), rs.getString(2)));
      }
    }
    return result;
  }

  /**
   * Starts an instance at {@code subscriber}'s start event when its condition holds over {@code
   * variables}; {@code access} is asked before anything is written. Returns the instance, or null.
   */
  public static @Nullable InstanceState startIfTrue(
      RuntimeSession session,
      Subscriber subscriber,
      Map<String, Object> variables,
      Signals.Access access)
      throws SQLException {
    if (DefinitionSuspensions.suspended(
        session.context().connection(), subscriber.definitionId())) {
      return null;
    }
    DeployedProcess process =
        session
            .runtime()
            .definitions()
            .get(session.context().connection(), subscriber.definitionId());
    FlowNode node = process.model().node(subscriber.startEventId());
    if (!(node instanceof StartEvent start)
        || !(start.definition() instanceof EventDefinition.Conditional conditional)
        || !holds(conditional, variables)) {
      return null;
    }
    access.start(process.key());
    return session.startInstance(process, start, null, variables, null);
  }

  private static boolean holds(
      EventDefinition.Conditional conditional, Map<String, Object> variables) {
    String only = conditional.variableName();
    if (only != null && !variables.containsKey(only)) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(conditional.condition().evaluate(VariableLookup.of(variables)));
    } catch (ExpressionException e) {
      return false; // a variable the condition reads was not given: not true, as in Camunda
    }
  }
}
