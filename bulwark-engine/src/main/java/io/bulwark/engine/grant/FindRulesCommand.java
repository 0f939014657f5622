package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationQuery;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryFilters;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists the rules the actor may read, a page at a time, filtered in SQL (Z2, W8). */
public final class FindRulesCommand implements Command<Page<AuthorizationRule>> {

  private static final QueryShape SHAPE =
      QueryShape.of(
          "authorization rule",
          "a.id",
          "bw_authorization a",
          Map.of(
              AuthorizationQuery.Sort.ID.name(), "a.id",
              AuthorizationQuery.Sort.RESOURCE_TYPE.name(), "a.resource_type",
              AuthorizationQuery.Sort.RESOURCE_ID.name(), "a.resource_id"),
          "a.id");

  private final AuthorizationQuery query;

  public FindRulesCommand(AuthorizationQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "required", "a query is required");
    }
    this.query = query;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("lists only rules the AUTHORIZATION READ filter lets the actor read");
  }

  @Override
  public Page<AuthorizationRule> execute(CommandContext context) throws SQLException {
    ListQuery.Builder builder = SHAPE.query();
    QueryFilters.equal(builder, "a.id", query.id());
    if (query.type() != null) {
      builder.where(
          "a.rule_type = ?", RuleViews.enumOf(Grant.Type.class, "type", query.type()).name());
    }
    QueryFilters.in(builder, "a.user_id", query.userIds());
    QueryFilters.in(builder, "a.group_id", query.groupIds());
    if (query.resourceType() != null) {
      builder.where(
          "a.resource_type = ?",
          RuleViews.enumOf(ResourceType.class, "resourceType", query.resourceType()).name());
    }
    QueryFilters.equal(builder, "a.resource_id", query.resourceId());
    ListQuery list =
        builder
            .orderBy(query.sortBy().name(), SortDirection.valueOf(query.sortOrder().name()))
            .page(query.firstResult(), query.maxResults())
            .authorizationFilter(
                context.listFilter(ResourceType.AUTHORIZATION, Permission.READ, "a.id"))
            .build();
    List<String> ids = list.list(context.connection(), rs -> rs.getString(1));
    List<AuthorizationRule> rules = new ArrayList<>();
    for (String id : ids) {
      GrantRepository.find(context.connection(), id).map(RuleViews::view).ifPresent(rules::add);
    }
    return new Page<>(rules, list.count(context.connection()));
  }
}
