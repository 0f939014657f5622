package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Puts the location rules in a new order (Z4, Z5); UPDATE on AUTHORIZATION *. */
public final class ReorderLocationRulesCommand implements Command<List<LocationRule>> {

  private final List<String> ruleIds;

  public ReorderLocationRulesCommand(List<String> ruleIds) {
    if (ruleIds == null
        || ruleIds.stream().anyMatch(Objects::isNull)
        || new HashSet<>(ruleIds).size() != ruleIds.size()) {
      throw ValidationException.of("ruleIds", "distinct", "ruleIds must name each rule once");
    }
    this.ruleIds = List.copyOf(ruleIds);
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.UPDATE);
  }

  @Override
  public List<LocationRule> execute(CommandContext context) throws SQLException {
    return LocationRuleChange.apply(
        context.connection(),
        rules -> {
          if (rules.size() != ruleIds.size()) {
            throw ValidationException.of(
                "ruleIds",
                "every-rule",
                "ruleIds must name every one of the " + rules.size() + " rules once");
          }
          List<LocationRule> ordered = new ArrayList<>(rules.size());
          for (String id : ruleIds) {
            ordered.add(rules.get(LocationRuleChange.indexOf(rules, id)));
          }
          return ordered;
        });
  }
}
