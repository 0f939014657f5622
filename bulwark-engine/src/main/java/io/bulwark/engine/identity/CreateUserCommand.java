package io.bulwark.engine.identity;

import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Stores a new user whose password was hashed before the transaction began, after registering the
 * ID (Z6: a deleted ID is refused).
 */
final class CreateUserCommand implements Command<User> {

  private final UserEmails emails;

  private final User user;
  private final String passwordHash;

  CreateUserCommand(UserEmails emails, User user, String passwordHash) {
    this.emails = emails;
    this.user = user;
    this.passwordHash = passwordHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.USER, Permission.CREATE);
  }

  @Override
  public User execute(CommandContext context) throws SQLException {
    IdentityIds.register(context.connection(), IdentityKind.USER, user.id());
    IdentityRepository.insertUser(context.connection(), emails, user, passwordHash);
    return user;
  }
}
