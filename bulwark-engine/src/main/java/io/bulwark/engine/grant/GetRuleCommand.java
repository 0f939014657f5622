package io.bulwark.engine.grant;

import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;

/** Reads one authorization rule (Z2). */
public final class GetRuleCommand implements Command<Optional<AuthorizationRule>> {

  private final String ruleId;

  public GetRuleCommand(String ruleId) {
    this.ruleId = ruleId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.AUTHORIZATION, Permission.READ, ruleId);
  }

  @Override
  public Optional<AuthorizationRule> execute(CommandContext context) throws SQLException {
    return GrantRepository.find(context.connection(), ruleId).map(RuleViews::view);
  }
}
