package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.TenantRepository.Members;
import java.sql.SQLException;

/** Adds a user or a group to a tenant (idempotent), or removes it. */
final class TenantMembershipCommand implements Command<Void> {

  private final String tenantId;
  private final Members members;
  private final String memberId;
  private final MembershipChange change;

  TenantMembershipCommand(
      String tenantId, Members members, String memberId, MembershipChange change) {
    this.tenantId = IdPattern.requireValidId("tenantId", tenantId);
    this.members = members;
    this.memberId =
        IdPattern.requireValidId(members == Members.USERS ? "userId" : "groupId", memberId);
    this.change = change;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TENANT, Permission.UPDATE, tenantId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    String what = members == Members.USERS ? "user " : "group ";
    if (change == MembershipChange.REMOVE) {
      if (!TenantRepository.removeMember(context.connection(), members, tenantId, memberId)) {
        throw new NotFoundException(what + memberId + " is not a member of tenant " + tenantId);
      }
      return null;
    }
    if (TenantRepository.find(context.connection(), tenantId).isEmpty()) {
      throw new NotFoundException("tenant " + tenantId + " not found");
    }
    boolean exists =
        members == Members.USERS
            ? IdentityRepository.revisionOf(context.connection(), memberId).isPresent()
            : GroupRepository.groupExists(context.connection(), memberId);
    if (!exists) {
      throw new NotFoundException(what + memberId + " not found");
    }
    TenantRepository.addMember(context.connection(), members, tenantId, memberId);
    return null;
  }
}
