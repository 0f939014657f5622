package io.bulwark.engine.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Hand-written, parameterized SQL for the access token hashes (A9, E5). Stateless. */
final class AccessTokenRepository {

  /**
   * A stored token joined with the state of its user; {@code userChanged} when the user's revision
   * differs from the one the token was issued at (A10).
   */
  record TokenRow(
      String userId,
      Instant expires,
      boolean disabled,
      boolean mustChangePassword,
      boolean userChanged) {}

  void insert(
      Connection c,
      String tokenHash,
      String userId,
      long userRevision,
      Instant created,
      Instant expires)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_access_token (token_hash, user_id, created, expires, user_revision)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, tokenHash);
      ps.setString(2, userId);
      ps.setObject(3, utc(created));
      ps.setObject(4, utc(expires));
      ps.setLong(5, userRevision);
      ps.executeUpdate();
    }
  }

  /** The token and its user; empty when either is gone (a user's tokens go with the user). */
  Optional<TokenRow> find(Connection c, String tokenHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.user_id, t.expires, u.disabled, u.must_change_password,"
                + " CASE WHEN t.user_revision = u.revision THEN FALSE ELSE TRUE END"
                + " FROM bw_access_token t JOIN bw_user u ON u.id = t.user_id"
                + " WHERE t.token_hash = ?")) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new TokenRow(
                rs.getString(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getBoolean(3),
                rs.getBoolean(4),
                rs.getBoolean(5)));
      }
    }
  }

  boolean delete(Connection c, String tokenHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM bw_access_token WHERE token_hash = ?")) {
      ps.setString(1, tokenHash);
      return ps.executeUpdate() == 1;
    }
  }

  /** Deletes every token of the user; returns how many. */
  int deleteOfUser(Connection c, String userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM bw_access_token WHERE user_id = ?")) {
      ps.setString(1, userId);
      return ps.executeUpdate();
    }
  }

  int deleteExpired(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM bw_access_token WHERE expires <= ?")) {
      ps.setObject(1, utc(now));
      return ps.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
