package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Ends one web session of a user on whichever node holds it (A10; UPDATE on the user). */
final class EndUserSessionCommand implements Command<Void> {

  private final String userId;
  private final String handle;

  EndUserSessionCommand(String userId, String handle) {
    this.userId = IdPattern.requireValidId("userId", userId);
    this.handle = SessionHandles.requireValid(handle);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.UPDATE, userId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (!UserSessionRepository.end(context.connection(), userId, handle)) {
      throw new NotFoundException("user " + userId + " has no active session " + handle);
    }
    return null;
  }
}
