package io.bulwark.engine.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Hand-written, parameterized SQL for e-mail addresses waiting for their link (A11, Z9, E5). */
final class EmailVerificationRepository {

  private EmailVerificationRepository() {}

  /** A waiting address whose link still works. */
  record Pending(String userId, String email) {}

  /** Records the user's new address in place of any older waiting one. */
  static void replace(
      Connection c, String userId, String tokenHash, String email, Instant now, Instant expires)
      throws SQLException {
    deleteOf(c, userId);
    IdentitySql.update(
        c,
        "INSERT INTO bw_email_verification (token_hash, user_id, email, created, expires)"
            + " VALUES (?, ?, ?, ?, ?)",
        tokenHash,
        userId,
        email,
        now,
        expires);
  }

  /** The address of an unexpired link of an enabled user; empty otherwise. */
  static Optional<Pending> findUsable(Connection c, String tokenHash, Instant now)
      throws SQLException {
    return IdentitySql.first(
        c,
        rs -> new Pending(rs.getString("user_id"), rs.getString("email")),
        "SELECT v.user_id, v.email FROM bw_email_verification v"
            + " JOIN bw_user u ON u.id = v.user_id"
            + " WHERE v.token_hash = ? AND v.expires > ? AND u.disabled = FALSE",
        tokenHash,
        now);
  }

  static void deleteOf(Connection c, String userId) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_email_verification WHERE user_id = ?", userId);
  }

  /** Sets the user's address and increments the revision (A10). */
  static void setEmail(Connection c, String userId, String email) throws SQLException {
    IdentitySql.update(
        c, "UPDATE bw_user SET email = ?, revision = revision + 1 WHERE id = ?", email, userId);
  }
}
