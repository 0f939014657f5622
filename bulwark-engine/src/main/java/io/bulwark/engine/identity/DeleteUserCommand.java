package io.bulwark.engine.identity;

import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Deletes a user with their group and tenant memberships (their access tokens go by the foreign
 * key's cascade), ends their web sessions on every node (A10) and keeps the ID as a tombstone (Z6).
 */
final class DeleteUserCommand implements Command<Void> {

  private final String userId;

  DeleteUserCommand(String userId) {
    this.userId = IdPattern.requireValidId("userId", userId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.DELETE, userId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    GroupRepository.deleteMembershipsOfUser(context.connection(), userId);
    UserSessionRepository.endAll(context.connection(), userId);
    if (!IdentityRepository.deleteUser(context.connection(), userId)) {
      throw new NotFoundException("user " + userId + " not found");
    }
    IdentityIds.tombstone(
        context.connection(), IdentityKind.USER, userId, context.now(), context.actor().userId());
    return null;
  }
}
