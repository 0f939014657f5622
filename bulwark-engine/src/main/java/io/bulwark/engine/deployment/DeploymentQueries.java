package io.bulwark.engine.deployment;

import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentQuery;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.DefinitionListQuery;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SortDirection;
import io.bulwark.engine.command.SqlValues;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The list queries of deployments and process definitions (W8): filters as bound parameters (E5)
 * and the caller's authorization filter (Z2) on {@code DEPLOYMENT READ} (by deployment ID) and
 * {@code PROCESS_DEFINITION READ} (by key), applied to list and count alike. A single deployment or
 * definition is read through the same queries, so that one the caller may not read is not found.
 */
final class DeploymentQueries {

  static final QueryShape DEPLOYMENTS =
      QueryShape.of(
          "deployment",
          "d.id, d.name, d.deployed_at, d.deployed_by, d.tenant_id",
          "bw_deployment d",
          Map.of(
              "id", "d.id",
              "name", "d.name",
              "deploymentTime", "d.deployed_at",
              "tenantId", "d.tenant_id"),
          "d.id");

  static final RowMapper<Deployment> DEPLOYMENT =
      rs ->
          new Deployment(
              rs.getString(1),
              rs.getString(2),
              SqlValues.requiredInstant(rs, "deployed_at"),
              rs.getString(4),
              rs.getString(5));

  static final QueryShape DEFINITIONS =
      QueryShape.of(
          "process definition",
          "p." + DeploymentRepository.DEFINITION_COLUMNS.replace(", ", ", p."),
          "bw_process_definition p",
          Map.of(
              "id", "p.id",
              "key", "p.def_key",
              "name", "p.name",
              "version", "p.version",
              "deploymentId", "p.deployment_id",
              "tenantId", "p.tenant_id"),
          "p.id");

  static final RowMapper<ProcessDefinition> DEFINITION =
      rs ->
          new ProcessDefinition(
              rs.getString(1),
              rs.getString(2),
              rs.getInt(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getBoolean(8));

  private DeploymentQueries() {}

  static ListQuery deployments(CommandContext context, DeploymentQuery query) throws SQLException {
    ListQuery.Builder builder = DEPLOYMENTS.query();
    builder.whereIfSet("d.id = ?", query.id());
    builder.whereIfSet("d.name = ?", query.name());
    builder.whereIfSet("d.name LIKE ?", query.nameLike());
    builder.whereInIfSet("d.tenant_id", query.tenantIds());
    String sortKey =
        switch (query.sortBy()) {
          case ID -> "id";
          case NAME -> "name";
          case DEPLOYMENT_TIME -> "deploymentTime";
          case TENANT_ID -> "tenantId";
        };
    return builder
        .orderBy(sortKey, SortDirection.valueOf(query.sortOrder().name()))
        .page(query.firstResult(), query.maxResults())
        .authorizationFilter(
            context.listFilter(
                ResourceType.DEPLOYMENT,
                Permission.READ,
                "d.id",
                ListTarget.TenantOf.column("d.tenant_id")))
        .build();
  }

  static ListQuery definitions(CommandContext context, ProcessDefinitionQuery query)
      throws SQLException {
    return new DefinitionListQuery(
            DEFINITIONS,
            "bw_process_definition",
            "p",
            ResourceType.PROCESS_DEFINITION,
            query.id(),
            query.ids(),
            query.key(),
            query.keys(),
            null,
            query.name(),
            query.nameLike(),
            query.version(),
            query.latestVersion(),
            query.deploymentId(),
            query.tenantIds(),
            query.sortBy(),
            query.sortOrder(),
            query.firstResult(),
            query.maxResults())
        .build(context);
  }

  /** The deployment when the actor may read it; else not found, whether it exists or not. */
  static Deployment readableDeployment(CommandContext context, String deploymentId)
      throws SQLException {
    List<Deployment> found =
        deployments(context, DeploymentQuery.all().withId(deploymentId).page(0, 1))
            .list(context.connection(), DEPLOYMENT);
    if (found.isEmpty()) {
      throw new NotFoundException("deployment " + deploymentId + " not found");
    }
    return found.get(0);
  }

  /** Whether the definition belongs to no tenant or to one of the actor's (Z3). */
  static boolean ofOwnTenant(CommandContext context, String definitionId) throws SQLException {
    return context.ofOwnTenant(
        "bw_process_definition p", "p.id", ListTarget.TenantOf.column("p.tenant_id"), definitionId);
  }

  /** The definition when the actor may read it; else not found, whether it exists or not. */
  static ProcessDefinition readableDefinition(CommandContext context, String definitionId)
      throws SQLException {
    List<ProcessDefinition> found =
        definitions(context, ProcessDefinitionQuery.all().withId(definitionId).page(0, 1))
            .list(context.connection(), DEFINITION);
    if (found.isEmpty()) {
      throw new NotFoundException("process definition " + definitionId + " not found");
    }
    return found.get(0);
  }
}
