package io.bulwark.engine.deployment;

import io.bulwark.engine.api.DeploymentResource;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The resources of a deployment the actor may read, by name; else not found (Z2). */
public final class ListDeploymentResourcesCommand implements Command<List<DeploymentResource>> {

  private final String deploymentId;

  public ListDeploymentResourcesCommand(String deploymentId) {
    this.deploymentId = deploymentId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the DEPLOYMENT READ list filter decides; unreadable is not found");
  }

  @Override
  public List<DeploymentResource> execute(CommandContext context) throws SQLException {
    DeploymentQueries.readableDeployment(context, deploymentId);
    try (PreparedStatement statement =
        context
            .connection()
            .prepareStatement(
                "SELECT id, name FROM bw_resource WHERE deployment_id = ? ORDER BY name, id")) {
      statement.setString(1, deploymentId);
      try (ResultSet rs = statement.executeQuery()) {
        List<DeploymentResource> resources = new ArrayList<>();
        while (rs.next()) {
          resources.add(new DeploymentResource(rs.getString(1), rs.getString(2), deploymentId));
        }
        return resources;
      }
    }
  }
}
