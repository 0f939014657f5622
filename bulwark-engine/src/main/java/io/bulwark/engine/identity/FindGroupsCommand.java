package io.bulwark.engine.identity;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryFilters;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;

/** A page of groups and the total that match (W8), restricted in SQL to readable groups (Z2). */
final class FindGroupsCommand implements Command<Page<Group>> {

  private final GroupQuery query;

  FindGroupsCommand(GroupQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the GROUP READ list filter (Z2)");
  }

  @Override
  public Page<Group> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = GroupRepository.SHAPE.query();
    QueryFilters.equal(builder, "g.id", query.id());
    QueryFilters.in(builder, "g.id", query.ids());
    QueryFilters.equal(builder, "g.name", query.name());
    QueryFilters.like(builder, "g.name", query.nameLike());
    QueryFilters.equal(builder, "g.group_type", query.type());
    if (query.member() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_membership m WHERE m.group_id = g.id AND m.user_id = ?)",
          query.member());
    }
    if (query.memberOfTenant() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_tenant_group tg WHERE tg.group_id = g.id"
              + " AND tg.tenant_id = ?)",
          query.memberOfTenant());
    }
    ListQuery list =
        builder
            .orderBy(query.sortBy().name(), SortDirection.valueOf(query.sortOrder().name()))
            .page(query.firstResult(), query.maxResults())
            .authorizationFilter(
                query.member() != null && query.member().equals(context.actor().userId())
                    ? SqlFilter.unrestricted(
                        "a user reads the groups they belong to; member restricts the rows")
                    : context.listFilter(ResourceType.GROUP, Permission.READ, "g.id"))
            .build();
    return new Page<>(
        list.list(context.connection(), GroupRepository.GROUP), list.count(context.connection()));
  }
}
