package io.bulwark.engine.identity;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.api.TenantQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryFilters;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;

/** A page of tenants and the total that match (W8), restricted in SQL to readable tenants (Z2). */
final class FindTenantsCommand implements Command<Page<Tenant>> {

  private final TenantQuery query;

  FindTenantsCommand(TenantQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the TENANT READ list filter (Z2)");
  }

  @Override
  public Page<Tenant> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = TenantRepository.SHAPE.query();
    QueryFilters.equal(builder, "t.id", query.id());
    QueryFilters.in(builder, "t.id", query.ids());
    QueryFilters.equal(builder, "t.name", query.name());
    QueryFilters.like(builder, "t.name", query.nameLike());
    userMember(builder);
    if (query.groupMember() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_tenant_group tg WHERE tg.tenant_id = t.id"
              + " AND tg.group_id = ?)",
          query.groupMember());
    }
    ListQuery list =
        builder
            .orderBy(query.sortBy().name(), SortDirection.valueOf(query.sortOrder().name()))
            .page(query.firstResult(), query.maxResults())
            .authorizationFilter(context.listFilter(ResourceType.TENANT, Permission.READ, "t.id"))
            .build();
    return new Page<>(
        list.list(context.connection(), TenantRepository.TENANT), list.count(context.connection()));
  }

  private void userMember(ListQuery.Builder builder) {
    String userId = query.userMember();
    if (userId == null) {
      return;
    }
    String direct =
        "EXISTS (SELECT 1 FROM bw_tenant_user tu WHERE tu.tenant_id = t.id AND tu.user_id = ?)";
    if (query.memberMatch() == TenantQuery.MemberMatch.DIRECT) {
      builder.where(direct, userId);
    } else {
      builder.where(
          direct
              + " OR EXISTS (SELECT 1 FROM bw_tenant_group tg JOIN bw_membership m"
              + " ON m.group_id = tg.group_id WHERE tg.tenant_id = t.id AND m.user_id = ?)",
          userId,
          userId);
    }
  }
}
