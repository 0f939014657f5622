package io.bulwark.engine.identity;

import io.bulwark.engine.api.UserSession;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;

/** A user's active web sessions on every node, newest first (A10; READ on the user). */
final class ListUserSessionsCommand implements Command<List<UserSession>> {

  private final String userId;

  ListUserSessionsCommand(String userId) {
    this.userId = IdPattern.requireValidId("userId", userId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.READ, userId);
  }

  @Override
  public List<UserSession> execute(CommandContext context) throws SQLException {
    return UserSessionRepository.activeOf(context.connection(), userId);
  }
}
