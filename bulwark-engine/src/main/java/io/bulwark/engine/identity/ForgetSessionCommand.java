package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Deletes the row of a session that ended on its own node: logout or timeout (A10). */
final class ForgetSessionCommand implements Command<Void> {

  private final String handle;

  ForgetSessionCommand(String handle) {
    this.handle = handle;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the node holding a session forgets it when it ends there");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    UserSessionRepository.delete(context.connection(), handle);
    return null;
  }
}
