package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored user, group and tenant IDs that break the ID allowlist pattern (Z7), at most {@value
 * #LIMIT}, each as {@code kind:id} with control characters shown as {@code ?}. The engine refuses
 * such IDs, so any found here were written around it. For the hardening audit; reads IDs only.
 */
final class FindInvalidIdsCommand implements Command<List<String>> {

  static final int LIMIT = 20;

  private static final String IDS =
      "SELECT 'user', id FROM bw_user UNION ALL SELECT 'group', id FROM bw_group"
          + " UNION ALL SELECT 'tenant', id FROM bw_tenant";

  @Override
  public Requirement requirement() {
    return Requirement.none("IDs that break the pattern only, for the local hardening audit (O1)");
  }

  @Override
  public List<String> execute(CommandContext context) throws SQLException {
    List<String> invalid = new ArrayList<>();
    try (PreparedStatement ids = context.connection().prepareStatement(IDS);
        ResultSet rows = ids.executeQuery()) {
      while (rows.next() && invalid.size() < LIMIT) {
        String id = rows.getString(2);
        if (!IdPattern.ID.matcher(id).matches()) {
          invalid.add(rows.getString(1) + ":" + printable(id));
        }
      }
    }
    return invalid;
  }

  private static String printable(String id) {
    String shown = id.length() > 64 ? id.substring(0, 64) + "~" : id;
    return shown.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
  }
}
