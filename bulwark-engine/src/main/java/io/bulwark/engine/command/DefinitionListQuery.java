package io.bulwark.engine.command;

import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import java.sql.SQLException;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The one list query of versioned definitions (process and decision definitions, W8): Camunda's
 * definition filters as bound parameters (E5), {@code latestVersion} as the highest version of each
 * key per tenant, the six sort keys of both (ID, key, name, version, deployment, tenant), and the
 * caller's authorization filter on READ by key and tenant (Z2, Z3), applied to list and count
 * alike. Every filter is optional (null: none).
 *
 * @param table the definition table, aliased {@code alias} in {@code shape}
 * @param sortBy a sort enum whose constants are named after the sort keys ({@code DEPLOYMENT_ID})
 */
public record DefinitionListQuery(
    QueryShape shape,
    String table,
    String alias,
    ResourceType type,
    @Nullable String id,
    @Nullable Collection<String> ids,
    @Nullable String key,
    @Nullable Collection<String> keys,
    @Nullable String keyLike,
    @Nullable String name,
    @Nullable String nameLike,
    @Nullable Integer version,
    boolean latestVersion,
    @Nullable String deploymentId,
    @Nullable Collection<String> tenantIds,
    Enum<?> sortBy,
    SortOrder sortOrder,
    int firstResult,
    int maxResults) {

  /** The list query for {@code context}'s actor. */
  public ListQuery build(CommandContext context) throws SQLException {
    ListQuery.Builder builder = shape.query();
    builder.whereIfSet(column("id") + " = ?", id);
    builder.whereInIfSet(column("id"), ids);
    builder.whereIfSet(column("def_key") + " = ?", key);
    builder.whereInIfSet(column("def_key"), keys);
    builder.whereIfSet(column("def_key") + " LIKE ?", keyLike);
    builder.whereIfSet(column("name") + " = ?", name);
    builder.whereIfSet(column("name") + " LIKE ?", nameLike);
    builder.whereIfSet(column("version") + " = ?", version);
    builder.whereIfSet(column("deployment_id") + " = ?", deploymentId);
    builder.whereInIfSet(column("tenant_id"), tenantIds);
    if (latestVersion) {
      builder.where(
          column("version")
              + " = (SELECT MAX(l.version) FROM "
              + table
              + " l WHERE l.def_key = "
              + column("def_key")
              + " AND (l.tenant_id = "
              + column("tenant_id")
              + " OR (l.tenant_id IS NULL AND "
              + column("tenant_id")
              + " IS NULL)))");
    }
    return builder
        .orderBy(sortKey(sortBy), SortDirection.valueOf(sortOrder.name()))
        .page(firstResult, maxResults)
        .authorizationFilter(
            context.listFilter(
                type,
                Permission.READ,
                column("def_key"),
                ListTarget.TenantOf.column(column("tenant_id"))))
        .build();
  }

  /** The shape's name of a sort constant: {@code DEPLOYMENT_ID} is {@code deploymentId}. */
  public static String sortKey(Enum<?> sort) {
    return switch (sort.name()) {
      case "ID" -> "id";
      case "KEY" -> "key";
      case "NAME" -> "name";
      case "VERSION" -> "version";
      case "DEPLOYMENT_ID" -> "deploymentId";
      case "TENANT_ID" -> "tenantId";
      default -> throw new IllegalArgumentException("no definition sort key " + sort);
    };
  }

  private String column(String name) {
    return alias + "." + name;
  }
}
