package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.AdministratorGuard;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Disables or enables a user; disabling the last administrator is refused (Z5). The server reads
 * the flag on every request (A10), so a disabled user's sessions and tokens stop working at the
 * next one.
 */
final class ChangeUserStateCommand implements Command<Void> {

  private final String userId;
  private final UserState state;

  ChangeUserStateCommand(String userId, UserState state) {
    this.userId = IdPattern.requireValidId("userId", userId);
    this.state = state;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.UPDATE, userId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    return AdministratorGuard.keepingAnAdministrator(
        context.connection(),
        (state == UserState.DISABLED ? "disabling" : "enabling") + " user " + userId,
        () -> {
          if (!IdentityRepository.setState(context.connection(), userId, state)) {
            throw new NotFoundException("user " + userId + " not found");
          }
          return null;
        });
  }
}
