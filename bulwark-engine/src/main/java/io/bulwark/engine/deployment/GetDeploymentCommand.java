package io.bulwark.engine.deployment;

import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** One deployment the actor may read; one it may not read is not found (Z2). */
public final class GetDeploymentCommand implements Command<Deployment> {

  private final String deploymentId;

  public GetDeploymentCommand(String deploymentId) {
    this.deploymentId = deploymentId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the DEPLOYMENT READ list filter decides; unreadable is not found");
  }

  @Override
  public Deployment execute(CommandContext context) throws SQLException {
    return DeploymentQueries.readableDeployment(context, deploymentId);
  }
}
