package io.bulwark.engine.grant;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Deletes one authorization rule (Z2), unless that would leave no enabled user who administers
 * authorizations (Z5): someone must always be able to grant again.
 */
public final class DeleteRuleCommand implements Command<Void> {

  private static final String DELETE = "DELETE FROM bw_authorization WHERE id = ?";

  /** An enabled user holds ALL on every AUTHORIZATION, directly or through a group. */
  private static final String ADMINISTRATOR_LEFT =
      "SELECT 1 FROM bw_authorization a"
          + " JOIN bw_authorization_permission p ON p.authorization_id = a.id"
          + " WHERE a.resource_type = 'AUTHORIZATION' AND a.resource_id = '*'"
          + " AND p.permission = 'ALL' AND a.rule_type IN ('GRANT', 'GLOBAL')"
          + " AND (a.user_id IN (SELECT u.id FROM bw_user u WHERE u.disabled = FALSE)"
          + " OR a.group_id IN (SELECT m.group_id FROM bw_membership m"
          + " JOIN bw_user mu ON mu.id = m.user_id WHERE mu.disabled = FALSE))"
          + " FETCH FIRST 1 ROWS ONLY";

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
    try (PreparedStatement delete = context.connection().prepareStatement(DELETE)) {
      delete.setString(1, ruleId);
      if (delete.executeUpdate() == 0) {
        throw new NotFoundException("authorization rule " + ruleId + " not found");
      }
    }
    try (PreparedStatement check = context.connection().prepareStatement(ADMINISTRATOR_LEFT);
        ResultSet left = check.executeQuery()) {
      if (!left.next()) {
        throw new ConflictException(
            "deleting authorization rule "
                + ruleId
                + " would leave no enabled user with ALL on AUTHORIZATION * (Z5)");
      }
    }
    return null;
  }
}
