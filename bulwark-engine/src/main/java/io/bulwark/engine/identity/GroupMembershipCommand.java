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
 * Adds a user to a group (idempotent) or removes them, unless that would leave no administrator
 * (Z5). The server rebuilds the principal's groups on every request (A10), so the change holds from
 * the user's next request.
 */
final class GroupMembershipCommand implements Command<Void> {

  private final String userId;
  private final String groupId;
  private final MembershipChange change;

  GroupMembershipCommand(String userId, String groupId, MembershipChange change) {
    this.userId = IdPattern.requireValidId("userId", userId);
    this.groupId = IdPattern.requireValidId("groupId", groupId);
    this.change = change;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.GROUP, Permission.UPDATE, groupId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (change == MembershipChange.REMOVE) {
      return AdministratorGuard.keepingAnAdministrator(
          context.connection(),
          "removing user " + userId + " from group " + groupId,
          () -> {
            if (!GroupRepository.deleteMembership(context.connection(), userId, groupId)) {
              throw new NotFoundException(
                  "user " + userId + " is not a member of group " + groupId);
            }
            return null;
          });
    }
    if (IdentityRepository.revisionOf(context.connection(), userId).isEmpty()) {
      throw new NotFoundException("user " + userId + " not found");
    }
    if (!GroupRepository.groupExists(context.connection(), groupId)) {
      throw new NotFoundException("group " + groupId + " not found");
    }
    GroupRepository.insertMembership(context.connection(), userId, groupId);
    return null;
  }
}
