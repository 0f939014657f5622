package io.bulwark.engine.identity;

import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.AdministratorGuard;
import io.bulwark.engine.authz.GrantRepository;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Deletes a user with their group and tenant memberships and their authorization rules (their
 * access tokens go by the foreign key's cascade), ends their web sessions on every node (A10) and
 * keeps the ID as a tombstone (Z6); refused when it would leave no administrator (Z5).
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
    Connection c = context.connection();
    return AdministratorGuard.keepingAnAdministrator(
        c,
        "deleting user " + userId,
        () -> {
          GroupRepository.deleteMembershipsOfUser(c, userId);
          UserSessionRepository.endAll(c, userId);
          if (!IdentityRepository.deleteUser(c, userId)) {
            throw new NotFoundException("user " + userId + " not found");
          }
          GrantRepository.deleteRulesOfUser(c, userId);
          IdentityIds.tombstone(
              c, IdentityKind.USER, userId, context.now(), context.actor().userId());
          return null;
        });
  }
}
