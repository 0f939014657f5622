package io.bulwark.engine.identity;

import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.Tenant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Creates a tenant after registering its ID (Z6: a deleted ID is refused). */
final class CreateTenantCommand implements Command<Tenant> {

  private final String tenantId;
  private final String name;

  CreateTenantCommand(String tenantId, String name) {
    this.tenantId = IdPattern.requireValidId("tenantId", tenantId);
    this.name = IdPattern.requireValidName("name", name);
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.TENANT, Permission.CREATE);
  }

  @Override
  public Tenant execute(CommandContext context) throws SQLException {
    Tenant tenant = new Tenant(tenantId, name, context.now(), 0);
    IdentityIds.register(context.connection(), IdentityKind.TENANT, tenantId);
    TenantRepository.insert(context.connection(), tenant);
    return tenant;
  }
}
