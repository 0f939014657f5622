package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;

/** Replaces a location rule in place (Z4, Z5); UPDATE on AUTHORIZATION *. */
public final class UpdateLocationRuleCommand implements Command<LocationRule> {

  private final String ruleId;
  private final NewLocationRule rule;

  public UpdateLocationRuleCommand(String ruleId, NewLocationRule rule) {
    this.ruleId = ruleId;
    this.rule = rule;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.UPDATE);
  }

  @Override
  public LocationRule execute(CommandContext context) throws SQLException {
    List<LocationRule> stored =
        LocationRuleChange.apply(
            context.connection(),
            rules -> {
              int at = LocationRuleChange.indexOf(rules, ruleId);
              rules.set(
                  at,
                  new LocationRule(ruleId, at, rule.pattern(), rule.effect(), rule.principal()));
              return rules;
            });
    return stored.get(LocationRuleChange.indexOf(stored, ruleId));
  }
}
