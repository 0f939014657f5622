package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.UserSessionRepository.SessionState;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a web session is still active, at each of its requests (A10): one primary-key read, and a
 * write of the last use only when the recorded one is {@code interval} old, not per request.
 */
final class CheckSessionCommand implements Command<Boolean> {

  private final String handle;
  private final Duration interval;

  CheckSessionCommand(String handle, Duration interval) {
    this.handle = handle;
    this.interval = interval;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the node holding a session checks it before the request runs");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    Optional<SessionState> state = UserSessionRepository.state(context.connection(), handle);
    if (state.isEmpty() || state.get().ended()) {
      return false;
    }
    if (!state.get().lastUsed().plus(interval).isAfter(context.now())) {
      UserSessionRepository.touch(context.connection(), handle, context.now());
    }
    return true;
  }
}
