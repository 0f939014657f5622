package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DecisionDefinitionQuery;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.DefinitionListQuery;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The list query of decision definitions (W8): filters as bound parameters (E5) and the caller's
 * authorization filter on {@code DECISION_DEFINITION READ} by key and tenant (Z2, Z3), applied to
 * list and count alike. One definition is read through the same query, so that one the caller may
 * not read is not found.
 */
final class DecisionQueries {

  static final QueryShape DEFINITIONS =
      QueryShape.of(
          "decision definition",
          "d.id, d.def_key, d.version, d.name, d.deployment_id, d.resource_name, d.tenant_id",
          "bw_decision_definition d",
          Map.of(
              "id", "d.id",
              "key", "d.def_key",
              "name", "d.name",
              "version", "d.version",
              "deploymentId", "d.deployment_id",
              "tenantId", "d.tenant_id"),
          "d.id");

  static final RowMapper<DecisionDefinition> DEFINITION =
      rs ->
          new DecisionDefinition(
              rs.getString(1),
              rs.getString(2),
              rs.getInt(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7));

  private DecisionQueries() {}

  static Page<DecisionDefinition> find(CommandContext context, DecisionDefinitionQuery query)
      throws SQLException {
    ListQuery list = definitions(context, query);
    return new Page<>(
        list.list(context.connection(), DEFINITION), list.count(context.connection()));
  }

  /** The definition when the actor may read it; else not found, whether it exists or not. */
  static DecisionDefinition readable(CommandContext context, String definitionId)
      throws SQLException {
    List<DecisionDefinition> found =
        definitions(context, DecisionDefinitionQuery.byId(definitionId))
            .list(context.connection(), DEFINITION);
    if (found.isEmpty()) {
      throw new NotFoundException("decision definition " + definitionId + " not found");
    }
    return found.get(0);
  }

  /** The latest readable version of a key; 400 when several tenants have one and none is named. */
  static DecisionDefinition latest(CommandContext context, String key, @Nullable String tenantId)
      throws SQLException {
    Page<DecisionDefinition> found = find(context, DecisionDefinitionQuery.latestOf(key, tenantId));
    if (found.items().isEmpty()) {
      throw new NotFoundException("no decision definition with key " + key + " found");
    }
    if (found.total() > 1) {
      throw ValidationException.of(
          "key",
          "one-tenant",
          "several tenants deploy decision key "
              + key
              + "; ask /decision-definition/key/{key}/tenant-id/{tenantId}");
    }
    return found.items().get(0);
  }

  private static ListQuery definitions(CommandContext context, DecisionDefinitionQuery query)
      throws SQLException {
    return new DefinitionListQuery(
            DEFINITIONS,
            "bw_decision_definition",
            "d",
            ResourceType.DECISION_DEFINITION,
            query.id(),
            query.ids(),
            query.key(),
            null,
            query.keyLike(),
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
}
