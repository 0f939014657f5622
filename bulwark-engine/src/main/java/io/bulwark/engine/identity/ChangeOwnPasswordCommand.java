package io.bulwark.engine.identity;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Stores a user's new password, hashed before the transaction began, and clears the must-change
 * flag (A2), if the user is still at the revision read when the current password was verified.
 */
final class ChangeOwnPasswordCommand implements Command<Void> {

  private final String userId;
  private final long revision;
  private final String passwordHash;

  ChangeOwnPasswordCommand(String userId, long revision, String passwordHash) {
    this.userId = userId;
    this.revision = revision;
    this.passwordHash = passwordHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the user proved who they are with their current password (A11)");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (!IdentityRepository.updatePassword(context.connection(), userId, revision, passwordHash)) {
      throw new ConflictException("user " + userId + " was changed concurrently; try again");
    }
    return null;
  }
}
