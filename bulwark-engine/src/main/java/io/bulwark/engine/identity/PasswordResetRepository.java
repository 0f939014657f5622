package io.bulwark.engine.identity;

import io.bulwark.engine.api.User;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written, parameterized SQL for password recovery (A11, E5): reset tokens stored as SHA-256
 * hashes and the request log behind the rate limits. Stateless.
 */
final class PasswordResetRepository {

  /** A stored token: whose, at which revision of the user, until when. */
  record TokenRow(String userId, long userRevision, Instant expires) {}

  /** At most this many accounts answer one request (several may share an e-mail address). */
  static final int MAX_ACCOUNTS = 5;

  private PasswordResetRepository() {}

  /**
   * Enabled or not, the users whose ID is {@code account} or whose e-mail address matches it,
   * ignoring case: the clear address, or the lookup hash of an encrypted one (D1).
   */
  static List<User> usersMatching(Connection c, UserEmails emails, String account)
      throws SQLException {
    return IdentitySql.list(
        c,
        IdentityRepository.user(emails),
        "SELECT "
            + IdentityRepository.USER_COLUMNS
            + " FROM bw_user u WHERE u.id = ? OR LOWER(u.email) = ? OR u.email_hash = ?"
            + " ORDER BY u.id FETCH FIRST "
            + MAX_ACCOUNTS
            + " ROWS ONLY",
        account,
        account.toLowerCase(Locale.ROOT),
        emails.lookupHash(account).orElse(null));
  }

  static void forgetRequestsBefore(Connection c, Instant cutoff) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_password_reset_request WHERE created < ?", cutoff);
  }

  static void deleteExpiredTokens(Connection c, Instant now) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_password_reset_token WHERE expires <= ?", now);
  }

  static int requestsFromClient(Connection c, String clientKey, Instant since) throws SQLException {
    return count(
        c,
        "SELECT COUNT(*) FROM bw_password_reset_request WHERE client_key = ? AND created >= ?",
        clientKey,
        since);
  }

  static int linksSentTo(Connection c, String userId, Instant since) throws SQLException {
    return count(
        c,
        "SELECT COUNT(*) FROM bw_password_reset_request WHERE user_id = ? AND created >= ?",
        userId,
        since);
  }

  /** Logs a request; {@code userId} is null when no link was sent. */
  static void recordRequest(Connection c, String clientKey, @Nullable String userId, Instant now)
      throws SQLException {
    IdentitySql.update(
        c,
        "INSERT INTO bw_password_reset_request (client_key, user_id, created) VALUES (?, ?, ?)",
        clientKey,
        userId,
        now);
  }

  /** Replaces every token of the user by the new one: only the newest request's link works. */
  static void replaceToken(Connection c, String tokenHash, User user, Instant now, Instant expires)
      throws SQLException {
    deleteTokensOf(c, user.id());
    IdentitySql.update(
        c,
        "INSERT INTO bw_password_reset_token (token_hash, user_id, user_revision, created, expires)"
            + " VALUES (?, ?, ?, ?, ?)",
        tokenHash,
        user.id(),
        user.revision(),
        now,
        expires);
  }

  static Optional<TokenRow> findToken(Connection c, String tokenHash) throws SQLException {
    return IdentitySql.first(
        c,
        rs ->
            new TokenRow(
                rs.getString("user_id"),
                rs.getLong("user_revision"),
                SqlValues.requiredInstant(rs, "expires")),
        "SELECT user_id, user_revision, expires FROM bw_password_reset_token WHERE token_hash = ?",
        tokenHash);
  }

  /** Consumes a token; false when another request used it first. */
  static boolean deleteToken(Connection c, String tokenHash) throws SQLException {
    return IdentitySql.update(
            c, "DELETE FROM bw_password_reset_token WHERE token_hash = ?", tokenHash)
        == 1;
  }

  static void deleteTokensOf(Connection c, String userId) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_password_reset_token WHERE user_id = ?", userId);
  }

  private static int count(Connection c, String sql, Object... values) throws SQLException {
    return IdentitySql.first(c, rs -> rs.getInt(1), sql, values).orElse(0);
  }
}
