package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Reads one user. */
final class GetUserCommand implements Command<User> {

  private final UserEmails emails;

  private final String userId;

  GetUserCommand(UserEmails emails, String userId) {
    this.emails = emails;
    this.userId = IdPattern.requireValidId("userId", userId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.READ, userId);
  }

  @Override
  public User execute(CommandContext context) throws SQLException {
    return IdentityRepository.findUser(context.connection(), emails, userId)
        .map(IdentityRepository.UserRow::user)
        .orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
  }
}
