package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;

/**
 * Checks that the actor may read a user the database does not hold (a directory user, A8): the
 * executor checks the requirement; the command itself reads nothing.
 */
final class CheckUserReadCommand implements Command<Void> {

  private final String userId;

  CheckUserReadCommand(String userId) {
    this.userId = IdPattern.requireValidId("userId", userId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.READ, userId);
  }

  @Override
  public Void execute(CommandContext context) {
    return null;
  }
}
