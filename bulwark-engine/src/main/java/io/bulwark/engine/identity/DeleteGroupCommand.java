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
 * Deletes a group with its user and tenant memberships and its authorization rules, and keeps the
 * ID as a tombstone (Z6); refused when it would leave no administrator (Z5).
 */
final class DeleteGroupCommand implements Command<Void> {

  private final String groupId;

  DeleteGroupCommand(String groupId) {
    this.groupId = IdPattern.requireValidId("groupId", groupId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.GROUP, Permission.DELETE, groupId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    return AdministratorGuard.keepingAnAdministrator(
        c,
        "deleting group " + groupId,
        () -> {
          if (!GroupRepository.deleteGroup(c, groupId)) {
            throw new NotFoundException("group " + groupId + " not found");
          }
          GrantRepository.deleteRulesOfGroup(c, groupId);
          IdentityIds.tombstone(
              c, IdentityKind.GROUP, groupId, context.now(), context.actor().userId());
          return null;
        });
  }
}
