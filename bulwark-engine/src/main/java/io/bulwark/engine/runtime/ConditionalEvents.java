package io.bulwark.engine.runtime;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.command.RowChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Conditional events (intermediate catch, boundary, event sub-process start), as in Camunda: a
 * waiting one is a subscription of its execution; its condition is checked when it starts waiting
 * and again whenever variables of its instance change (only changes of {@code camunda:variableName}
 * when set), once the agenda of a command is empty; when true, it fires like any other event.
 * Instances whose process has no conditional event cost nothing.
 */
final class ConditionalEvents {

  private static final String OF_INSTANCE =
      "SELECT id, execution_id, activity_id FROM bw_event_subscription"
          + " WHERE event_type = 'conditional' AND process_instance_id = ? ORDER BY created_at, id";

  /** A waiting conditional event; {@code created} when it started waiting in this command. */
  private record Waiting(
      String id, @Nullable String executionId, String activityId, boolean created) {}

  private ConditionalEvents() {}

  /** Checks the conditions that are due; true when one fired (the agenda has work again). */
  static boolean check(RuntimeSession session) throws SQLException {
    boolean fired = false;
    for (InstanceState instance : session.loadedInstances()) {
      Set<String> changed = session.takeChangedVariables(instance.id());
      if (instance.isEnded() || !instance.model().hasConditionalEvents()) {
        continue;
      }
      for (Waiting waiting : waiting(session, instance.id())) {
        boolean first = waiting.created() && session.firstConditionCheck(waiting.id());
        EventDefinition.Conditional condition =
            condition(instance.model().node(waiting.activityId()));
        boolean relevant =
            first
                || (condition.variableName() == null && !changed.isEmpty())
                || (condition.variableName() != null && changed.contains(condition.variableName()));
        if (!relevant || !Subscriptions.alive(session, waiting.id())) {
          continue;
        }
        Execution execution = instance.execution(waiting.executionId());
        if (execution != null
            && session.condition(
                instance, execution, condition.condition(), waiting.activityId())) {
          session.eventArrived(instance, execution, waiting.activityId(), "condition", Map.of());
          fired = true;
        }
      }
    }
    return fired;
  }

  private static EventDefinition.Conditional condition(FlowNode node) {
    EventDefinition definition = null;
    if (node instanceof IntermediateCatchEvent c) {
      definition = c.definition();
    } else if (node instanceof BoundaryEvent b) {
      definition = b.definition();
    } else if (node instanceof StartEvent s) {
      definition = s.definition();
    }
    if (definition instanceof EventDefinition.Conditional conditional) {
      return conditional;
    }
    throw new IllegalStateException("no conditional event at " + node.id());
  }

  /** Stored conditional subscriptions of the instance and those made in this command. */
  private static List<Waiting> waiting(RuntimeSession session, String instanceId)
      throws SQLException {
    Map<String, Waiting> found = new LinkedHashMap<>();
    try (PreparedStatement statement =
        session.context().connection().prepareStatement(OF_INSTANCE)) {
      statement.setString(1, instanceId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.put(
              rs.getString(1),
              new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), false));
        }
      }
    }
    for (RowChange<?> change : session.context().unitOfWork().pending()) {
      if (change instanceof RowChange.Insert<?> insert
          && insert.row() instanceof RuntimeRows.SubscriptionRow row
          && Subscriptions.CONDITIONAL.equals(row.eventType())
          && instanceId.equals(row.processInstanceId())) {
        found.put(row.id(), new Waiting(row.id(), row.executionId(), row.activityId(), true));
      }
    }
    Set<String> deleted = Subscriptions.deletedInThisCommand(session.context().unitOfWork());
    List<Waiting> result = new ArrayList<>();
    for (Waiting waiting : found.values()) {
      if (!deleted.contains(waiting.id())) {
        result.add(waiting);
      }
    }
    return result;
  }
}
