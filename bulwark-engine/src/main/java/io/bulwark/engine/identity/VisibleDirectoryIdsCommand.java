package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.SqlFilter;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Of the IDs a directory returned (A8), those that a list may show the actor: not held by the
 * database (its user or group of that ID takes precedence) and readable by the actor under the same
 * READ list filter as the database's rows (Z2). One query; at most 1000 IDs (W11).
 */
final class VisibleDirectoryIdsCommand implements Command<Set<String>> {

  /** The most IDs one check takes, as an IN list does (W11). */
  static final int MAX_IDS = 1000;

  private final ResourceType type;
  private final List<String> ids;
  private final boolean ownGroups;

  /**
   * @param type {@link ResourceType#USER} or {@link ResourceType#GROUP}
   * @param ownGroups the list is of the actor's own groups, which a user may always read
   */
  VisibleDirectoryIdsCommand(ResourceType type, List<String> ids, boolean ownGroups) {
    if (type != ResourceType.USER && type != ResourceType.GROUP) {
      throw new IllegalArgumentException("users or groups only: " + type);
    }
    if (ids.size() > MAX_IDS) {
      throw new IllegalArgumentException("at most " + MAX_IDS + " IDs, got " + ids.size());
    }
    this.type = type;
    this.ids = List.copyOf(ids);
    this.ownGroups = ownGroups;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the READ list filter (Z2)");
  }

  @Override
  public Set<String> execute(CommandContext context) throws SQLException {
    if (ids.isEmpty()) {
      return Set.of();
    }
    SqlFilter filter =
        ownGroups
            ? SqlFilter.unrestricted("a user reads the groups they belong to")
            : context.listFilter(type, Permission.READ, "v.id");
    String table = type == ResourceType.USER ? "bw_user" : "bw_group";
    String sql =
        "SELECT v.id FROM (VALUES "
            + String.join(", ", Collections.nCopies(ids.size(), "(CAST(? AS VARCHAR(64)))"))
            + ") AS v(id) WHERE NOT EXISTS (SELECT 1 FROM "
            + table
            + " x WHERE x.id = v.id)"
            + (filter.isUnrestricted() ? "" : " AND (" + filter.condition() + ")");
    List<Object> parameters = new ArrayList<>(ids);
    parameters.addAll(filter.parameters());
    Set<String> visible = new HashSet<>();
    try (PreparedStatement ps = context.connection().prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        ps.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visible.add(rs.getString(1));
        }
      }
    }
    return visible;
  }
}
