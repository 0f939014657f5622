package io.bulwark.engine.grant;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.AdministratorGuard;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Deletes one authorization rule (Z2), unless that would leave no enabled user who administers
 * authorizations (Z5): someone must always be able to grant again.
 */
public final class DeleteRuleCommand implements Command<Void> {

  private static final String DELETE = "DELETE FROM bw_authorization WHERE id = ?";

  private final String ruleId;

  public DeleteRuleCommand(String ruleId) {
    this.ruleId = ruleId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.AUTHORIZATION, Permission.DELETE, ruleId);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    return AdministratorGuard.keepingAnAdministrator(
        context.connection(),
        "deleting authorization rule " + ruleId,
        () -> {
          try (PreparedStatement delete = context.connection().prepareStatement(DELETE)) {
            delete.setString(1, ruleId);
            if (delete.executeUpdate() == 0) {
              throw new NotFoundException("authorization rule " + ruleId + " not found");
            }
          }
          return null;
        });
  }
}
