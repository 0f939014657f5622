package io.bulwark.engine.identity;

import io.bulwark.engine.api.NewSession;
import io.bulwark.engine.api.UserSession;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hand-written, parameterized SQL for the registered web sessions (A10, E5). Stateless. */
final class UserSessionRepository {

  private static final String COLUMNS =
      "handle, user_id, node, client, user_agent, created, last_used";

  private static final RowMapper<UserSession> SESSION =
      rs ->
          new UserSession(
              rs.getString("handle"),
              rs.getString("user_id"),
              rs.getString("node"),
              rs.getString("client"),
              rs.getString("user_agent"),
              SqlValues.requiredInstant(rs, "created"),
              SqlValues.requiredInstant(rs, "last_used"));

  private UserSessionRepository() {}

  /** The state a node needs at every request: ended or not, and the last recorded use. */
  record SessionState(boolean ended, Instant lastUsed) {}

  static void insert(Connection c, String handle, NewSession session, Instant now)
      throws SQLException {
    IdentitySql.update(
        c,
        "INSERT INTO bw_user_session (" + COLUMNS + ", ended) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)",
        handle,
        session.userId(),
        session.node(),
        session.client(),
        session.userAgent(),
        now,
        now);
  }

  static Optional<SessionState> state(Connection c, String handle) throws SQLException {
    return IdentitySql.first(
        c,
        rs -> new SessionState(rs.getBoolean("ended"), SqlValues.requiredInstant(rs, "last_used")),
        "SELECT ended, last_used FROM bw_user_session WHERE handle = ?",
        handle);
  }

  static void touch(Connection c, String handle, Instant now) throws SQLException {
    IdentitySql.update(c, "UPDATE bw_user_session SET last_used = ? WHERE handle = ?", now, handle);
  }

  static void delete(Connection c, String handle) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_user_session WHERE handle = ?", handle);
  }

  /** Deletes the rows of sessions not used since {@code before}, ended or not. */
  static int deleteUnusedSince(Connection c, Instant before) throws SQLException {
    return IdentitySql.update(c, "DELETE FROM bw_user_session WHERE last_used < ?", before);
  }

  /** The user's active sessions, newest first. */
  static List<UserSession> activeOf(Connection c, String userId) throws SQLException {
    return IdentitySql.list(
        c,
        SESSION,
        "SELECT "
            + COLUMNS
            + " FROM bw_user_session WHERE user_id = ? AND ended = FALSE"
            + " ORDER BY created DESC, handle",
        userId);
  }

  /** Marks one active session of the user ended; false when there is none with that handle. */
  static boolean end(Connection c, String userId, String handle) throws SQLException {
    return IdentitySql.update(
            c,
            "UPDATE bw_user_session SET ended = TRUE"
                + " WHERE handle = ? AND user_id = ? AND ended = FALSE",
            handle,
            userId)
        == 1;
  }

  /** Marks every active session of the user ended; returns how many. */
  static int endAll(Connection c, String userId) throws SQLException {
    return IdentitySql.update(
        c, "UPDATE bw_user_session SET ended = TRUE WHERE user_id = ? AND ended = FALSE", userId);
  }
}
