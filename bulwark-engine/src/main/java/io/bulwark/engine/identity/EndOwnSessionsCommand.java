package io.bulwark.engine.identity;

import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ends some of the acting user's own web sessions on every node, never the current one (A10, Z9).
 * Only sessions of the actor are touched: a handle of another user's session ends nothing.
 */
final class EndOwnSessionsCommand implements Command<Integer> {

  private final List<String> handles;
  private final @Nullable String currentHandle;

  EndOwnSessionsCommand(List<String> handles, @Nullable String currentHandle) {
    this.handles = handles.stream().map(SessionHandles::requireValid).distinct().toList();
    this.currentHandle = currentHandle;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("a user ends their own sessions (A10); the user is the actor");
  }

  @Override
  public Integer execute(CommandContext context) throws SQLException {
    Actor actor = context.actor();
    if (actor.kind() != Actor.Kind.USER) {
      throw new ForbiddenException("only a signed-in user has sessions of their own");
    }
    int ended = 0;
    for (String handle : handles) {
      if (!handle.equals(currentHandle)
          && UserSessionRepository.end(context.connection(), actor.userId(), handle)) {
        ended++;
      }
    }
    return ended;
  }
}
