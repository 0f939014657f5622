package io.bulwark.engine.deployment;

import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentQuery;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import java.sql.SQLException;

/** A page of deployments the actor may read and their total, from one {@link ListQuery} (W8). */
public final class FindDeploymentsCommand implements Command<Page<Deployment>> {

  private final DeploymentQuery query;

  public FindDeploymentsCommand(DeploymentQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the DEPLOYMENT READ list filter (Z2)");
  }

  @Override
  public Page<Deployment> execute(CommandContext context) throws SQLException {
    ListQuery list = DeploymentQueries.deployments(context, query);
    return new Page<>(
        list.list(context.connection(), DeploymentQueries.DEPLOYMENT),
        list.count(context.connection()));
  }
}
