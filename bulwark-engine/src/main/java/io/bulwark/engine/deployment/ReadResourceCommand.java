package io.bulwark.engine.deployment;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ResourceData;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads one deployment resource with its bytes: by deployment and resource ID, or the BPMN XML a
 * process definition was deployed from. A deployment or definition the actor may not read is not
 * found (Z2), so that its existence does not leak.
 */
public final class ReadResourceCommand implements Command<ResourceData> {

  private final @Nullable String deploymentId;
  private final @Nullable String resourceId;
  private final @Nullable String definitionId;

  private ReadResourceCommand(
      @Nullable String deploymentId, @Nullable String resourceId, @Nullable String definitionId) {
    this.deploymentId = deploymentId;
    this.resourceId = resourceId;
    this.definitionId = definitionId;
  }

  public static ReadResourceCommand of(String deploymentId, String resourceId) {
    return new ReadResourceCommand(deploymentId, resourceId, null);
  }

  public static ReadResourceCommand xmlOf(String definitionId) {
    return new ReadResourceCommand(null, null, definitionId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "the DEPLOYMENT or PROCESS_DEFINITION READ list filter decides; unreadable is not found");
  }

  @Override
  public ResourceData execute(CommandContext context) throws SQLException {
    if (definitionId != null) {
      ProcessDefinition definition = DeploymentQueries.readableDefinition(context, definitionId);
      return read(
          context,
          "SELECT id, name, deployment_id, bytes FROM bw_resource"
              + " WHERE deployment_id = ? AND name = ?",
          definition.deploymentId(),
          definition.resourceName(),
          "process definition " + definitionId + " not found");
    }
    String deployment = Objects.requireNonNull(deploymentId, "of(...) gives the deployment");
    String resource = Objects.requireNonNull(resourceId, "of(...) gives the resource");
    DeploymentQueries.readableDeployment(context, deployment);
    return read(
        context,
        "SELECT id, name, deployment_id, bytes FROM bw_resource WHERE deployment_id = ? AND id = ?",
        deployment,
        resource,
        "resource " + resource + " of deployment " + deployment + " not found");
  }

  private static ResourceData read(
      CommandContext context, String sql, String first, String second, String notFound)
      throws SQLException {
    try (PreparedStatement statement = context.connection().prepareStatement(sql)) {
      statement.setString(1, first);
      statement.setString(2, second);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException(notFound);
        }
        return new ResourceData(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
      }
    }
  }
}
