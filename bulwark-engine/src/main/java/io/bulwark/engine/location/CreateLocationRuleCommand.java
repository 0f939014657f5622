package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Inserts a location rule at a position, last by default (Z4, Z5); CREATE on AUTHORIZATION *. */
public final class CreateLocationRuleCommand implements Command<LocationRule> {

  private final NewLocationRule rule;
  private final @Nullable Integer position;

  public CreateLocationRuleCommand(NewLocationRule rule, @Nullable Integer position) {
    this.rule = rule;
    this.position = position;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.CREATE);
  }

  @Override
  public LocationRule execute(CommandContext context) throws SQLException {
    String id = RowIds.next();
    List<LocationRule> stored =
        LocationRuleChange.apply(
            context.connection(),
            rules -> {
              int at = position == null ? rules.size() : position;
              if (at < 0 || at > rules.size()) {
                throw ValidationException.of(
                    "position",
                    "range",
                    "position must be between 0 and " + rules.size() + " (the end)");
              }
              rules.add(
                  at, new LocationRule(id, at, rule.pattern(), rule.effect(), rule.principal()));
              return rules;
            });
    return stored.get(LocationRuleChange.indexOf(stored, id));
  }
}
