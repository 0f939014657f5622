package io.bulwark.engine.location;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Deletes a location rule (Z4, Z5); DELETE on AUTHORIZATION *. */
public final class DeleteLocationRuleCommand implements Command<Void> {

  private final String ruleId;

  public DeleteLocationRuleCommand(String ruleId) {
    this.ruleId = ruleId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.DELETE);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    LocationRuleChange.apply(
        context.connection(),
        rules -> {
          rules.remove(LocationRuleChange.indexOf(rules, ruleId));
          return rules;
        });
    return null;
  }
}
