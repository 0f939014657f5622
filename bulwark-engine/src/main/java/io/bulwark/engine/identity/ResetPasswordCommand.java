package io.bulwark.engine.identity;

import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Stores a password an administrator chose for a user, hashed before the transaction began. */
final class ResetPasswordCommand implements Command<Void> {

  private final String userId;
  private final String passwordHash;
  private final PasswordChange change;

  ResetPasswordCommand(String userId, String passwordHash, PasswordChange change) {
    this.userId = userId;
    this.passwordHash = passwordHash;
    this.change = change;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.UPDATE, userId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (!IdentityRepository.resetPassword(context.connection(), userId, passwordHash, change)) {
      throw new NotFoundException("user " + userId + " not found");
    }
    return null;
  }
}
