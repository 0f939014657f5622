package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
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
          "authorization rule", "a.id", "bw_authorization a", Map.of("id", "a.id"), "a.id");

  private final int firstResult;
  private final int maxResults;

  public FindRulesCommand(int firstResult, int maxResults) {
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("lists only rules the AUTHORIZATION READ filter lets the actor read");
  }

  @Override
  public Page<AuthorizationRule> execute(CommandContext context) throws SQLException {
    ListQuery query =
        SHAPE
            .query()
            .orderBy("id", SortDirection.ASC)
            .page(firstResult, maxResults)
            .authorizationFilter(
                context.listFilter(ResourceType.AUTHORIZATION, Permission.READ, "a.id"))
            .build();
    List<String> ids = query.list(context.connection(), rs -> rs.getString(1));
    List<AuthorizationRule> rules = new ArrayList<>();
    for (String id : ids) {
      GrantRepository.find(context.connection(), id).map(RuleViews::view).ifPresent(rules::add);
    }
    return new Page<>(rules, query.count(context.connection()));
  }
}
