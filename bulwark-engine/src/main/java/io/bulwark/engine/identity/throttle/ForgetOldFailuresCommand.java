package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Deletes throttle rows that no longer matter (A5): no failure remembered and no known address, and
 * address rates long refilled. Keeps the tables as small as the recent attacks.
 */
final class ForgetOldFailuresCommand implements Command<Integer> {

  private final ThrottleRules rules;
  private final LoginThrottleRepository repository;

  ForgetOldFailuresCommand(ThrottleRules rules, LoginThrottleRepository repository) {
    this.rules = rules;
    this.repository = repository;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("housekeeping of the login throttle's own rows (A5)");
  }

  @Override
  public Integer execute(CommandContext context) throws SQLException {
    return repository.deleteForgotten(
        context.connection(), rules.forgetBefore(context.now()), rules.knownSince(context.now()));
  }
}
