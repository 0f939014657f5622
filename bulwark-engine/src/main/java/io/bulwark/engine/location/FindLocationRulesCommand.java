package io.bulwark.engine.location;

import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;

/** The location rules in order (Z4); needs READ on AUTHORIZATION *. */
public final class FindLocationRulesCommand implements Command<List<LocationRule>> {

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.AUTHORIZATION, Permission.READ);
  }

  @Override
  public List<LocationRule> execute(CommandContext context) throws SQLException {
    return LocationRuleRepository.rules(context.connection());
  }
}
