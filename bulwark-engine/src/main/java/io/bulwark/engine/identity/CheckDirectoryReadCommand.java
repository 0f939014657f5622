package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;

/**
 * Checks that the actor may read a user or group the database does not hold (a directory's, A8):
 * the executor checks the requirement; the command itself reads nothing.
 */
final class CheckDirectoryReadCommand implements Command<Void> {

  private final ResourceType type;
  private final String id;

  CheckDirectoryReadCommand(ResourceType type, String id) {
    this.type = type;
    this.id = IdPattern.requireValidId(type == ResourceType.USER ? "userId" : "groupId", id);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(type, Permission.READ, id);
  }

  @Override
  public Void execute(CommandContext context) {
    return null;
  }
}
