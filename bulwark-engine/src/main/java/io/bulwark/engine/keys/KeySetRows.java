package io.bulwark.engine.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The published key set ({@code bw_key_set}, one row) and the nodes' versions ({@code
 * bw_key_node}), D2. Parameterized SQL only (E5).
 */
final class KeySetRows {

  /** The published key set: its version and the key set wrapped under the key-encryption key. */
  record Published(long version, byte[] wrapped) {}

  private KeySetRows() {}

  /** The published key set; {@code lock}: locked until the transaction ends (rotate, destroy). */
  static Optional<Published> read(Connection connection, boolean lock) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                lock
                    ? "SELECT version, wrapped_keys FROM bw_key_set WHERE id = 1 FOR UPDATE"
                    : "SELECT version, wrapped_keys FROM bw_key_set WHERE id = 1");
        ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new Published(rs.getLong(1), Base64.getDecoder().decode(rs.getString(2))));
    }
  }

  /** Publishes {@code wrapped} as the next version; answers that version. */
  static long publish(Connection connection, byte[] wrapped) throws SQLException {
    String text = Base64.getEncoder().encodeToString(wrapped);
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE bw_key_set SET version = version + 1, wrapped_keys = ? WHERE id = 1")) {
      update.setString(1, text);
      if (update.executeUpdate() == 0) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO bw_key_set (id, version, wrapped_keys) VALUES (1, 1, ?)")) {
          insert.setString(1, text);
          insert.executeUpdate();
        }
      }
    }
    return read(connection, false).orElseThrow().version();
  }

  /** Records that {@code node} encrypts with {@code version}, now. */
  static void heartbeat(Connection connection, String node, long version, long nowMs)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE bw_key_node SET version = ?, seen_at_ms = ? WHERE node_id = ?")) {
      update.setLong(1, version);
      update.setLong(2, nowMs);
      update.setString(3, node);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO bw_key_node (node_id, version, seen_at_ms) VALUES (?, ?, ?)")) {
      insert.setString(1, node);
      insert.setLong(2, version);
      insert.setLong(3, nowMs);
      insert.executeUpdate();
    }
  }

  /** The nodes seen since {@code aliveSinceMs} that use an older version than the published. */
  static List<String> lagging(Connection connection, long aliveSinceMs) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT n.node_id FROM bw_key_node n JOIN bw_key_set s ON s.id = 1"
                + " WHERE n.version < s.version AND n.seen_at_ms >= ? ORDER BY n.node_id")) {
      select.setLong(1, aliveSinceMs);
      try (ResultSet rs = select.executeQuery()) {
        List<String> nodes = new ArrayList<>();
        while (rs.next()) {
          nodes.add(rs.getString(1));
        }
        return nodes;
      }
    }
  }

  /** Whether a node other than {@code node} was seen since {@code aliveSinceMs}. */
  static boolean othersAlive(Connection connection, String node, long aliveSinceMs)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM bw_key_node WHERE node_id <> ? AND seen_at_ms >= ?"
                + " FETCH FIRST 1 ROWS ONLY")) {
      select.setString(1, node);
      select.setLong(2, aliveSinceMs);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Removes {@code node}: it stopped. */
  static void leave(Connection connection, String node) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM bw_key_node WHERE node_id = ?")) {
      delete.setString(1, node);
      delete.executeUpdate();
    }
  }
}
