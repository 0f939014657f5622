package io.bulwark.engine.instance;

import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether the caller may start a definition that belongs to a tenant (Z3): the definitions list
 * filter of the one filter compiler, applied to that one row, so that a start in a tenant the
 * caller is not a member of is refused exactly where the definition would be hidden from a list.
 */
final class TenantAccess {

  private TenantAccess() {}

  static boolean mayStart(CommandContext context, String definitionId) throws SQLException {
    SqlFilter filter =
        context.listFilter(
            ResourceType.PROCESS_DEFINITION,
            Permission.START_INSTANCE,
            "p.def_key",
            ListTarget.TenantOf.column("p.tenant_id"));
    if (filter.isUnrestricted()) {
      return true;
    }
    try (PreparedStatement statement =
        context
            .connection()
            .prepareStatement(
                "SELECT COUNT(*) FROM bw_process_definition p WHERE p.id = ? AND ("
                    + filter.condition()
                    + ")")) {
      statement.setString(1, definitionId);
      int index = 2;
      for (Object value : filter.parameters()) {
        statement.setObject(index++, value);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }
}
