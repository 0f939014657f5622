package io.bulwark.engine.deployment;

import io.bulwark.engine.api.DefinitionSuspension;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.api.ProcessInstanceQuery.Suspension;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.instance.SuspendProcessInstanceCommand;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Suspends or activates a process definition, or every version of a key (UPDATE on the key): a
 * suspended definition cannot be started and its timer start jobs do not fire. With {@code
 * includeProcessInstances} its running instances change too, each through {@link
 * SuspendProcessInstanceCommand} and its own check (UPDATE on the instance, or UPDATE_INSTANCE on
 * the key). A definition the caller may not read is not found (Z2).
 */
public final class SuspendProcessDefinitionCommand implements Command<Void> {

  /** The versions of one key changed at most by one call (the list bound, W8). */
  private static final int MAX_VERSIONS = 2000;

  private final ProcessRuntime runtime;
  private final DefinitionSuspension request;

  public SuspendProcessDefinitionCommand(ProcessRuntime runtime, DefinitionSuspension request) {
    this.runtime = runtime;
    this.request = Objects.requireNonNull(request, "request");
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "reads the definitions through the READ list filter, then checks UPDATE on their key");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    List<ProcessDefinition> definitions = readable(context);
    context.authorize(
        Requirement.of(
            ResourceType.PROCESS_DEFINITION, Permission.UPDATE, definitions.get(0).key()));
    HistoryRecorder history = new HistoryRecorder(context, runtime.historyLevel());
    Suspension state = request.suspended() ? Suspension.SUSPENDED : Suspension.ACTIVE;
    for (ProcessDefinition definition : definitions) {
      mark(
          context,
          "UPDATE bw_process_definition SET suspended = ?, rev = rev + 1 WHERE id = ?",
          definition.id());
      mark(
          context,
          "UPDATE bw_job SET suspended = ? WHERE process_definition_id = ?"
              + " AND process_instance_id IS NULL AND job_type = '"
              + JobHandler.TIMER_START
              + "'",
          definition.id());
      history.operation(
          request.suspended() ? "SuspendProcessDefinition" : "ActivateProcessDefinition",
          HistoryRecorder.Entity.PROCESS_DEFINITION,
          definition.id(),
          null,
          request.includeProcessInstances() ? "includeProcessInstances" : null);
      if (request.includeProcessInstances()) {
        for (String instanceId : instancesOf(context, definition.id())) {
          context.run(new SuspendProcessInstanceCommand(runtime, instanceId, state));
        }
      }
    }
    return null;
  }

  /** The definitions the request names, when the actor may read them; else not found. */
  private List<ProcessDefinition> readable(CommandContext context) throws SQLException {
    ProcessDefinitionQuery query =
        new ProcessDefinitionQuery(
            request.processDefinitionId(),
            null,
            request.processDefinitionKey(),
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            ProcessDefinitionQuery.Sort.VERSION,
            SortOrder.ASC,
            0,
            MAX_VERSIONS);
    List<ProcessDefinition> found =
        DeploymentQueries.definitions(context, query)
            .list(context.connection(), DeploymentQueries.DEFINITION);
    if (found.isEmpty()) {
      throw new NotFoundException(
          request.processDefinitionId() != null
              ? "process definition " + request.processDefinitionId() + " not found"
              : "no process definition with key " + request.processDefinitionKey() + " found");
    }
    return found;
  }

  private void mark(CommandContext context, String sql, String definitionId) throws SQLException {
    try (PreparedStatement update = context.connection().prepareStatement(sql)) {
      update.setBoolean(1, request.suspended());
      update.setString(2, definitionId);
      update.executeUpdate();
    }
  }

  private static List<String> instancesOf(CommandContext context, String definitionId)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select =
        context
            .connection()
            .prepareStatement(
                "SELECT id FROM bw_execution WHERE process_definition_id = ?"
                    + " AND parent_id IS NULL ORDER BY id")) {
      select.setString(1, definitionId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}
