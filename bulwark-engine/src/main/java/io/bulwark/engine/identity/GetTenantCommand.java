package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Reads one tenant. */
final class GetTenantCommand implements Command<Tenant> {

  private final String tenantId;

  GetTenantCommand(String tenantId) {
    this.tenantId = IdPattern.requireValidId("tenantId", tenantId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TENANT, Permission.READ, tenantId);
  }

  @Override
  public Tenant execute(CommandContext context) throws SQLException {
    return TenantRepository.find(context.connection(), tenantId)
        .orElseThrow(() -> new NotFoundException("tenant " + tenantId + " not found"));
  }
}
