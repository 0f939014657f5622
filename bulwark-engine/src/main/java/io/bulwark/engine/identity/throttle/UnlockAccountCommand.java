package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Clears an account's failures on every address (A5); needs UPDATE on the user (Z2). */
final class UnlockAccountCommand implements Command<Integer> {

  private final String account;
  private final LoginThrottleRepository repository;

  UnlockAccountCommand(String account, LoginThrottleRepository repository) {
    this.account = account;
    this.repository = repository;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.UPDATE, account);
  }

  @Override
  public Integer execute(CommandContext context) throws SQLException {
    return repository.clearFailures(context.connection(), account);
  }
}
