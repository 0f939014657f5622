package io.bulwark.engine.grant;

import io.bulwark.engine.authz.AdministratorGuard;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Whether someone can always grant again: an enabled user to whom the rules grant READ, CREATE,
 * UPDATE and DELETE on AUTHORIZATION * (Z5).
 */
public final class AdministratorExistsCommand implements Command<Boolean> {

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.AUTHORIZATION, Permission.READ, "*");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    return AdministratorGuard.administratorExists(context.connection());
  }
}
