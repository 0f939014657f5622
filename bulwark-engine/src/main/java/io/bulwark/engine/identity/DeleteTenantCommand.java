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
 * Deletes a tenant with its memberships and keeps the ID as a tombstone, as for users and groups
 * (Z6): data stamped with the tenant ID must not fall to a new tenant of the same name.
 */
final class DeleteTenantCommand implements Command<Void> {

  private final String tenantId;

  DeleteTenantCommand(String tenantId) {
    this.tenantId = IdPattern.requireValidId("tenantId", tenantId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TENANT, Permission.DELETE, tenantId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (!TenantRepository.delete(context.connection(), tenantId)) {
      throw new NotFoundException("tenant " + tenantId + " not found");
    }
    IdentityIds.tombstone(
        context.connection(),
        IdentityKind.TENANT,
        tenantId,
        context.now(),
        context.actor().userId());
    return null;
  }
}
