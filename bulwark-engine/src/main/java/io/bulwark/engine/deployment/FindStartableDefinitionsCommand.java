package io.bulwark.engine.deployment;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Lists the latest version of every process the actor may start (START_INSTANCE on its key, Z2),
 * sorted by name and key, a page at a time (W8). Processes that only a message or timer starts are
 * listed too; starting them by key is refused with a message saying so.
 */
public final class FindStartableDefinitionsCommand implements Command<Page<ProcessDefinition>> {

  private static final QueryShape SHAPE =
      QueryShape.of(
          "process definition",
          "d.id, d.def_key, d.version, d.name, d.deployment_id, d.resource_name, d.tenant_id,"
              + " d.suspended",
          "bw_process_definition d",
          Map.of("name", "d.name", "key", "d.def_key"),
          "d.id");

  private final int firstResult;
  private final int maxResults;

  public FindStartableDefinitionsCommand(int firstResult, int maxResults) {
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("lists only definitions the filter lets the actor start");
  }

  @Override
  public Page<ProcessDefinition> execute(CommandContext context) throws SQLException {
    ListQuery list =
        SHAPE
            .query()
            .where(
                "d.version = (SELECT MAX(v.version) FROM bw_process_definition v"
                    + " WHERE v.def_key = d.def_key AND (v.tenant_id = d.tenant_id"
                    + " OR (v.tenant_id IS NULL AND d.tenant_id IS NULL)))")
            .where("d.suspended = ?", false)
            .orderBy("name", SortDirection.ASC)
            .orderBy("key", SortDirection.ASC)
            .page(firstResult, maxResults)
            .authorizationFilter(
                context.listFilter(
                    ResourceType.PROCESS_DEFINITION,
                    Permission.START_INSTANCE,
                    "d.def_key",
                    ListTarget.TenantOf.column("d.tenant_id")))
            .build();
    return new Page<>(
        list.list(context.connection(), DeploymentRepository.DEFINITION),
        list.count(context.connection()));
  }
}
