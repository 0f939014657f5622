package io.bulwark.engine.instance;

import io.bulwark.engine.api.ActivityInstance;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The activity instance tree of a running instance (READ on it; an unreadable one is not found,
 * Z3), built from its execution rows and the model: each execution at an activity is one node,
 * placed under the node of the nearest ancestor execution at the embedded sub-process that contains
 * the activity, else under the root. Reads without locking the instance.
 */
public final class ActivityInstanceTreeCommand implements Command<ActivityInstance> {

  private static final String EXECUTIONS =
      "SELECT id, parent_id, activity_id, activity_instance_id, process_definition_id"
          + " FROM bw_execution WHERE process_instance_id = ? ORDER BY id";

  private record Row(
      String id,
      String parentId,
      String activityId,
      String activityInstanceId,
      String definition) {}

  /** A node while the tree is built: its children are added before it is frozen. */
  private record Draft(
      String id,
      String activityId,
      @Nullable FlowNode node,
      @Nullable String executionId,
      List<Draft> children) {}

  private final ProcessRuntime runtime;
  private final String instanceId;

  public ActivityInstanceTreeCommand(ProcessRuntime runtime, String instanceId) {
    this.runtime = runtime;
    this.instanceId = instanceId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.READ, instanceId);
  }

  @Override
  public ActivityInstance execute(CommandContext context) throws SQLException {
    Map<String, Row> rows = rows(context);
    Row root = rows.get(instanceId);
    if (root == null) {
      throw new NotFoundException("process instance " + instanceId + " is not running");
    }
    ProcessModel model = runtime.definitions().get(context.connection(), root.definition()).model();
    Draft top = new Draft(instanceId, root.definition(), null, root.id(), new ArrayList<>());
    Map<String, Draft> byExecution = new LinkedHashMap<>();
    for (Row row : rows.values()) {
      if (row.activityId() != null && model.nodes().containsKey(row.activityId())) {
        byExecution.put(
            row.id(),
            new Draft(
                row.activityInstanceId() != null ? row.activityInstanceId() : row.id(),
                row.activityId(),
                model.node(row.activityId()),
                row.id(),
                new ArrayList<>()));
      }
    }
    for (Map.Entry<String, Draft> entry : byExecution.entrySet()) {
      Draft parent =
          parentOf(
              rows,
              byExecution,
              Objects.requireNonNull(rows.get(entry.getKey())),
              entry.getValue(),
              model);
      (parent == null ? top : parent).children().add(entry.getValue());
    }
    return freeze(top, null, root.definition(), model.name());
  }

  /** The draft of the nearest ancestor execution at the sub-process that contains the node. */
  private static @Nullable Draft parentOf(
      Map<String, Row> rows, Map<String, Draft> drafts, Row row, Draft draft, ProcessModel model) {
    FlowNode node = Objects.requireNonNull(draft.node(), "only the root draft has no node");
    String scope = node.scopeId();
    if (scope == null || scope.equals(model.id())) {
      return null;
    }
    for (Row up = rows.get(row.parentId()); up != null; up = rows.get(up.parentId())) {
      Draft candidate = drafts.get(up.id());
      if (candidate != null && scope.equals(candidate.activityId())) {
        return candidate;
      }
    }
    return null;
  }

  private ActivityInstance freeze(
      Draft draft, @Nullable String parentId, String definitionId, @Nullable String name) {
    List<ActivityInstance> children = new ArrayList<>();
    for (Draft child : draft.children()) {
      children.add(
          freeze(
              child, draft.id(), definitionId, child.node() == null ? null : child.node().name()));
    }
    return new ActivityInstance(
        draft.id(),
        parentId,
        draft.activityId(),
        draft.node() == null ? "processDefinition" : draft.node().type().xmlName(),
        name,
        instanceId,
        definitionId,
        List.of(draft.executionId()),
        children);
  }

  private Map<String, Row> rows(CommandContext context) throws SQLException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement statement = context.connection().prepareStatement(EXECUTIONS)) {
      statement.setMaxRows(10_000);
      statement.setString(1, instanceId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.put(
              rs.getString(1),
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)));
        }
      }
    }
    return rows;
  }
}
