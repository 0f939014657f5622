package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DeploymentDeletion;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.instance.DeleteProcessInstanceCommand;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deletes a deployment with its resources and process definitions, their timer and message start
 * subscriptions, and — with {@link DeploymentDeletion#CANCEL_INSTANCES} — cancels their running
 * instances first, each checked for DELETE on the instance (Z2); without it, running instances are
 * a conflict. History is kept.
 */
public final class DeleteDeploymentCommand implements Command<Void> {

  private final ProcessRuntime runtime;
  private final String deploymentId;
  private final DeploymentDeletion deletion;

  public DeleteDeploymentCommand(
      ProcessRuntime runtime, String deploymentId, DeploymentDeletion deletion) {
    this.runtime = runtime;
    this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
    this.deletion = Objects.requireNonNull(deletion, "deletion");
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.DEPLOYMENT, Permission.DELETE, deploymentId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (ids(context, "SELECT id FROM bw_deployment WHERE id = ?").isEmpty()) {
      throw new NotFoundException("deployment " + deploymentId + " not found");
    }
    List<String> definitions =
        ids(context, "SELECT id FROM bw_process_definition WHERE deployment_id = ? ORDER BY id");
    List<String> instances =
        ids(
            context,
            "SELECT e.id FROM bw_execution e JOIN bw_process_definition d"
                + " ON d.id = e.process_definition_id"
                + " WHERE d.deployment_id = ? AND e.parent_id IS NULL ORDER BY e.id");
    if (!instances.isEmpty() && deletion == DeploymentDeletion.REFUSE_WHILE_RUNNING) {
      throw new ConflictException(
          "deployment "
              + deploymentId
              + " has "
              + instances.size()
              + " running process instances; delete them first or cascade");
    }
    for (String instance : instances) {
      context.run(new DeleteProcessInstanceCommand(runtime, instance, "deployment deleted"));
    }
    delete(
        context,
        "DELETE FROM bw_event_subscription WHERE execution_id IS NULL AND process_definition_id IN"
            + " (SELECT id FROM bw_process_definition WHERE deployment_id = ?)");
    delete(
        context,
        "DELETE FROM bw_job WHERE process_instance_id IS NULL AND process_definition_id IN"
            + " (SELECT id FROM bw_process_definition WHERE deployment_id = ?)");
    delete(context, "DELETE FROM bw_process_definition WHERE deployment_id = ?");
    delete(context, "DELETE FROM bw_decision_definition WHERE deployment_id = ?");
    delete(context, "DELETE FROM bw_form_definition WHERE deployment_id = ?");
    delete(context, "DELETE FROM bw_resource WHERE deployment_id = ?");
    delete(context, "DELETE FROM bw_deployment WHERE id = ?");
    context.unitOfWork().afterCommit(() -> runtime.definitions().evict(definitions));
    new HistoryRecorder(context, runtime.historyLevel())
        .operation("Delete", HistoryRecorder.Entity.DEPLOYMENT, deploymentId, null, null);
    return null;
  }

  private List<String> ids(CommandContext context, String sql) throws SQLException {
    try (PreparedStatement statement = context.connection().prepareStatement(sql)) {
      statement.setString(1, deploymentId);
      try (ResultSet rs = statement.executeQuery()) {
        List<String> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
        return ids;
      }
    }
  }

  private void delete(CommandContext context, String sql) throws SQLException {
    try (PreparedStatement statement = context.connection().prepareStatement(sql)) {
      statement.setString(1, deploymentId);
      statement.executeUpdate();
    }
  }
}
