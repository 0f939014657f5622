package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Hand-written, parameterized SQL for stored password hashes (A3, E5). Stateless. */
final class PasswordHashRepository {

  private PasswordHashRepository() {}

  /**
   * Replaces a hash by its upgrade, only if the stored hash is still the one that was verified (a
   * password change in between wins). Does not touch the must-change flag.
   *
   * @return false when the stored hash changed meanwhile
   */
  static boolean replaceHash(Connection c, String userId, String verifiedHash, String newHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bw_user SET password_hash = ?, revision = revision + 1"
                + " WHERE id = ? AND password_hash = ?")) {
      ps.setString(1, newHash);
      ps.setString(2, userId);
      ps.setString(3, verifiedHash);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Counts users by how their password is stored (A3), against the current scheme of {@code
   * hasher}: with a plugged encoder every Argon2id value is outdated. The prefixes are bound as
   * LIKE patterns; none holds {@code %} or {@code _}.
   */
  static PasswordStorage countPasswordHashes(Connection c, PasswordHasher hasher)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*),"
                + " SUM(CASE WHEN password_hash IS NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN password_hash LIKE ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN password_hash LIKE ? OR password_hash LIKE ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN password_hash LIKE ? THEN 1 ELSE 0 END)"
                + " FROM bw_user")) {
      ps.setString(1, hasher.currentPrefix() + "%");
      ps.setString(2, PasswordHasher.VERSION_2 + PasswordHasher.ARGON2ID_PREFIX + "%");
      ps.setString(3, PasswordHasher.ARGON2ID_PREFIX + "%");
      ps.setString(4, PasswordHasher.SHA512_PREFIX + "%$%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long users = rs.getLong(1);
        long none = rs.getLong(2);
        long current = rs.getLong(3);
        long argon2id = rs.getLong(4);
        long imported = rs.getLong(5);
        // Built in, the current values are among the Argon2id ones; plugged, they are apart.
        long outdated = hasher.isPlugged() ? argon2id : argon2id - current;
        long foreign = users - none - current - outdated - imported;
        return new PasswordStorage(
            users, current, outdated, imported, foreign, none, hasher.currentLabel());
      }
    }
  }
}
