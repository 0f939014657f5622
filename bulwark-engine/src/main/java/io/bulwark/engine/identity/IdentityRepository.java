package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Hand-written, parameterized SQL for users, groups and memberships (E5). Stateless. */
final class IdentityRepository {

  /** A user row including its password hash, which never leaves this package. */
  record UserRow(User user, String passwordHash) {}

  private static final String USER_COLUMNS =
      "id, display_name, password_hash, must_change_password, disabled, created, revision";

  void insertUser(Connection c, User user, String passwordHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_user (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, user.id());
      ps.setString(2, user.displayName());
      ps.setString(3, passwordHash);
      ps.setBoolean(4, user.mustChangePassword());
      ps.setBoolean(5, user.disabled());
      ps.setObject(6, OffsetDateTime.ofInstant(user.created(), ZoneOffset.UTC));
      ps.setLong(7, user.revision());
      ps.executeUpdate();
    }
  }

  Optional<UserRow> findUser(Connection c, String userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + USER_COLUMNS + " FROM bw_user WHERE id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Instant created = rs.getObject("created", OffsetDateTime.class).toInstant();
        User user =
            new User(
                rs.getString("id"),
                rs.getString("display_name"),
                rs.getBoolean("must_change_password"),
                rs.getBoolean("disabled"),
                created,
                rs.getLong("revision"));
        return Optional.of(new UserRow(user, rs.getString("password_hash")));
      }
    }
  }

  /**
   * Counts users by how their password is stored (A3). The prefixes are bound as LIKE patterns;
   * they hold neither {@code %} nor {@code _}.
   */
  PasswordStorage countPasswordHashes(Connection c, String currentPrefix) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*),"
                + " SUM(CASE WHEN password_hash IS NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN password_hash LIKE ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN password_hash LIKE ? THEN 1 ELSE 0 END)"
                + " FROM bw_user")) {
      ps.setString(1, currentPrefix + "%");
      ps.setString(2, PasswordHasher.ARGON2ID_PREFIX + "%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long users = rs.getLong(1);
        long none = rs.getLong(2);
        long current = rs.getLong(3);
        long argon2id = rs.getLong(4);
        return new PasswordStorage(
            users, current, argon2id - current, users - none - argon2id, none);
      }
    }
  }

  boolean anyUserExists(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM bw_user FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * Sets a new hash and clears the must-change flag, if the revision still matches.
   *
   * @return false when another transaction changed the user first
   */
  boolean updatePassword(Connection c, String userId, long revision, String passwordHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bw_user SET password_hash = ?, must_change_password = FALSE,"
                + " revision = revision + 1 WHERE id = ? AND revision = ?")) {
      ps.setString(1, passwordHash);
      ps.setString(2, userId);
      ps.setLong(3, revision);
      return ps.executeUpdate() == 1;
    }
  }

  void insertGroup(Connection c, String groupId, String name, Instant created) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_group (id, name, created, revision) VALUES (?, ?, ?, 0)")) {
      ps.setString(1, groupId);
      ps.setString(2, name);
      ps.setObject(3, OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
      ps.executeUpdate();
    }
  }

  boolean groupExists(Connection c, String groupId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM bw_group WHERE id = ?")) {
      ps.setString(1, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Inserts a membership unless it exists. */
  void insertMembership(Connection c, String userId, String groupId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_membership (user_id, group_id) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM bw_membership WHERE user_id = ? AND group_id = ?)")) {
      ps.setString(1, userId);
      ps.setString(2, groupId);
      ps.setString(3, userId);
      ps.setString(4, groupId);
      ps.executeUpdate();
    }
  }

  Set<String> groupsOf(Connection c, String userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT group_id FROM bw_membership WHERE user_id = ? ORDER BY group_id")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        Set<String> groups = new LinkedHashSet<>();
        while (rs.next()) {
          groups.add(rs.getString(1));
        }
        return groups;
      }
    }
  }
}
