package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Renames a tenant; the ID never changes. */
final class UpdateTenantCommand implements Command<Tenant> {

  private final String tenantId;
  private final String name;

  UpdateTenantCommand(String tenantId, String name) {
    this.tenantId = IdPattern.requireValidId("tenantId", tenantId);
    this.name = IdPattern.requireValidName("name", name);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.TENANT, Permission.UPDATE, tenantId);
  }

  @Override
  public Tenant execute(CommandContext context) throws SQLException {
    if (!TenantRepository.rename(context.connection(), tenantId, name)) {
      throw new NotFoundException("tenant " + tenantId + " not found");
    }
    return new GetTenantCommand(tenantId).execute(context);
  }
}
