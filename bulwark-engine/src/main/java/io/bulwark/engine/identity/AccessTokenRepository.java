package io.bulwark.engine.identity;

import io.bulwark.engine.location.LocationRuleVersion;
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
import org.jspecify.annotations.Nullable;

/** Hand-written, parameterized SQL for the access token hashes (A9, E5). Stateless. */
final class AccessTokenRepository {

  /**
   * The token, its user's state, a database user's memberships (the token's {@code user_id} is null
   * for a directory user, so that user joins none) and the location rules' version.
   */
  private static final String FIND =
      "SELECT t.user_id, t.directory_user_id, t.expires, u.disabled,"
          + " u.must_change_password, t.user_revision, u.revision, t.client, m.group_id, "
          + LocationRuleVersion.COLUMN
          + " FROM bw_access_token t"
          + " LEFT JOIN bw_user u ON u.id = COALESCE(t.user_id, t.directory_user_id)"
          + " LEFT JOIN bw_membership m ON m.user_id = t.user_id"
          + " WHERE t.token_hash = ? ORDER BY m.group_id";

  /**
   * A stored token joined with the state of its user; {@code userChanged} when the user's revision
   * differs from the one the token was issued at (A10). For a token of a directory user ({@code
   * directoryUser}), {@code revision} is the directory entry's revision at issue, which the caller
   * compares with the directory's now, and {@code userChanged} says that the database has since
   * taken the ID (its user, not the directory's, signs in under it). {@code groups} are a database
   * user's memberships (empty for a directory user, whose groups the directory holds) and {@code
   * locationRuleVersion} the location rules' version (Z4), both read in the same statement (issue
   * 14).
   */
  record TokenRow(
      String userId,
      Instant expires,
      boolean disabled,
      boolean mustChangePassword,
      boolean userChanged,
      String boundClient,
      boolean directoryUser,
      long revision,
      Set<String> groups,
      long locationRuleVersion) {}

  void insert(
      Connection c,
      String tokenHash,
      String userId,
      boolean directoryUser,
      long userRevision,
      @Nullable String boundClient,
      Instant created,
      Instant expires)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_access_token (token_hash, user_id, directory_user_id, created,"
                + " expires, user_revision, client) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, tokenHash);
      ps.setString(2, directoryUser ? null : userId);
      ps.setString(3, directoryUser ? userId : null);
      ps.setObject(4, utc(created));
      ps.setObject(5, utc(expires));
      ps.setLong(6, userRevision);
      ps.setString(7, boundClient);
      ps.executeUpdate();
    }
  }

  /**
   * The token and its user; empty when the token is gone (a database user's tokens go with the
   * user). A directory user's token joins the database user of the same ID, if one appeared. One
   * statement, one row per membership of a database user.
   */
  Optional<TokenRow> find(Connection c, String tokenHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String directoryUser = rs.getString(2);
        long issuedAt = rs.getLong(6);
        boolean tokenRevisionMissing = rs.wasNull();
        long current = rs.getLong(7);
        boolean noDatabaseUser = rs.wasNull();
        if (directoryUser == null && noDatabaseUser) {
          return Optional.empty();
        }
        boolean changed =
            directoryUser == null ? tokenRevisionMissing || issuedAt != current : !noDatabaseUser;
        String userId = directoryUser == null ? rs.getString(1) : directoryUser;
        Instant expires = rs.getObject(3, OffsetDateTime.class).toInstant();
        boolean disabled = rs.getBoolean(4);
        boolean mustChange = rs.getBoolean(5);
        String client = rs.getString(8);
        long locationRuleVersion = rs.getLong(10);
        Set<String> groups = groups(rs);
        return Optional.of(
            new TokenRow(
                userId,
                expires,
                disabled,
                mustChange,
                changed,
                client,
                directoryUser != null,
                issuedAt,
                groups,
                locationRuleVersion));
      }
    }
  }

  /** The memberships of the rows from the current one on (null: none on that row). */
  private static Set<String> groups(ResultSet rs) throws SQLException {
    Set<String> groups = new LinkedHashSet<>();
    do {
      String group = rs.getString(9);
      if (group != null) {
        groups.add(group);
      }
    } while (rs.next());
    return groups;
  }

  boolean delete(Connection c, String tokenHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM bw_access_token WHERE token_hash = ?")) {
      ps.setString(1, tokenHash);
      return ps.executeUpdate() == 1;
    }
  }

  /** Deletes every token of the user, database or directory; returns how many. */
  int deleteOfUser(Connection c, String userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM bw_access_token WHERE user_id = ? OR directory_user_id = ?")) {
      ps.setString(1, userId);
      ps.setString(2, userId);
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
