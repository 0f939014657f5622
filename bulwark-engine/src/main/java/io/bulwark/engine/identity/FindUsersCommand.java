package io.bulwark.engine.identity;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserQuery;
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

/**
 * A page of users and the total that match, from one {@link ListQuery} (W8), restricted in SQL to
 * the users the actor may read (Z2).
 */
final class FindUsersCommand implements Command<Page<User>> {

  private final UserQuery query;

  FindUsersCommand(UserQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the USER READ list filter (Z2)");
  }

  @Override
  public Page<User> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = IdentityRepository.SHAPE.query();
    QueryFilters.equal(builder, "u.id", query.id());
    QueryFilters.in(builder, "u.id", query.ids());
    QueryFilters.equal(builder, "u.first_name", query.firstName());
    QueryFilters.like(builder, "u.first_name", query.firstNameLike());
    QueryFilters.equal(builder, "u.last_name", query.lastName());
    QueryFilters.like(builder, "u.last_name", query.lastNameLike());
    QueryFilters.equal(builder, "u.email", query.email());
    QueryFilters.like(builder, "u.email", query.emailLike());
    if (query.memberOfGroup() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_membership m WHERE m.user_id = u.id AND m.group_id = ?)",
          query.memberOfGroup());
    }
    if (query.memberOfTenant() != null) {
      builder.where(
          "EXISTS (SELECT 1 FROM bw_tenant_user tu WHERE tu.user_id = u.id AND tu.tenant_id = ?)",
          query.memberOfTenant());
    }
    ListQuery list =
        builder
            .orderBy(query.sortBy().name(), SortDirection.valueOf(query.sortOrder().name()))
            .page(query.firstResult(), query.maxResults())
            .authorizationFilter(context.listFilter(ResourceType.USER, Permission.READ, "u.id"))
            .build();
    return new Page<>(
        list.list(context.connection(), IdentityRepository.USER), list.count(context.connection()));
  }
}
