package io.bulwark.engine.identity;

import io.bulwark.engine.api.NewSession;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Records a web session that just signed in (A10) and forgets the rows of sessions unused for a
 * day: longer than any idle timeout allows, so only sessions of nodes that stopped remain there.
 */
final class RegisterSessionCommand implements Command<Void> {

  /** Rows unused this long belong to sessions that cannot be alive any more (idle max 12 h). */
  static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final String handle;
  private final NewSession session;

  RegisterSessionCommand(String handle, NewSession session) {
    this.handle = SessionHandles.requireValid(handle);
    this.session = session;
    IdPattern.requireValidId("userId", session.userId());
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("records a session the server has just authenticated");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    UserSessionRepository.deleteUnusedSince(
        context.connection(), context.now().minus(FORGET_AFTER));
    UserSessionRepository.insert(context.connection(), handle, session, context.now());
    return null;
  }
}
