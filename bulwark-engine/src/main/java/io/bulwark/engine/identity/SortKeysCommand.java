package io.bulwark.engine.identity;

import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sorts (key, ID) pairs the way the database sorts its list rows ({@code ORDER BY key <order>, id
 * ASC}, with the database's own collation and place of nulls), so that directory entries merge into
 * a database list exactly where a row with the same values would stand (A8, W8). Reads no table.
 */
final class SortKeysCommand implements Command<int[]> {

  private final List<String> keys;
  private final List<String> ids;
  private final SortOrder order;

  SortKeysCommand(List<String> keys, List<String> ids, SortOrder order) {
    if (keys.size() != ids.size()) {
      throw new IllegalArgumentException("one key per ID");
    }
    this.keys = new ArrayList<>(keys);
    this.ids = List.copyOf(ids);
    this.order = order;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("sorts the values it is given; reads no table");
  }

  /** The positions of the given pairs, in sorted order. */
  @Override
  public int[] execute(CommandContext context) throws SQLException {
    if (ids.isEmpty()) {
      return new int[0];
    }
    String sql =
        "SELECT s.i FROM (VALUES "
            + String.join(
                ", ",
                Collections.nCopies(
                    ids.size(),
                    "(CAST(? AS INTEGER), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)))"))
            + ") AS s(i, k, id) ORDER BY s.k "
            + (order == SortOrder.DESC ? "DESC" : "ASC")
            + ", s.id ASC";
    int[] sorted = new int[ids.size()];
    try (PreparedStatement ps = context.connection().prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setInt(3 * i + 1, i);
        ps.setString(3 * i + 2, keys.get(i));
        ps.setString(3 * i + 3, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          sorted[n++] = rs.getInt(1);
        }
      }
    }
    return sorted;
  }
}
