package io.bulwark.engine.identity;

import io.bulwark.engine.api.EndedSessions;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Ends every web session of a user on every node and revokes the user's access tokens (A10; UPDATE
 * on the user), in one transaction.
 */
final class EndAllUserSessionsCommand implements Command<EndedSessions> {

  private static final AccessTokenRepository TOKENS = new AccessTokenRepository();

  private final String userId;

  EndAllUserSessionsCommand(String userId) {
    this.userId = IdPattern.requireValidId("userId", userId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.UPDATE, userId);
  }

  @Override
  public EndedSessions execute(CommandContext context) throws SQLException {
    int sessions = UserSessionRepository.endAll(context.connection(), userId);
    int tokens = TOKENS.deleteOfUser(context.connection(), userId);
    return new EndedSessions(sessions, tokens);
  }
}
