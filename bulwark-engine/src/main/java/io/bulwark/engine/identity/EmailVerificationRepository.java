package io.bulwark.engine.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Hand-written, parameterized SQL for e-mail addresses waiting for their link (A11, Z9, E5), stored
 * through {@link UserEmails} (D1) and bound to their token's row.
 */
final class EmailVerificationRepository {

  /** The table whose rows an encrypted waiting address is bound to. */
  static final String TABLE = "bw_email_verification";

  private EmailVerificationRepository() {}

  /** A waiting address whose link still works. */
  record Pending(String userId, String email) {}

  /** Records the user's new address in place of any older waiting one. */
  static void replace(
      Connection c,
      UserEmails emails,
      String userId,
      String tokenHash,
      String email,
      Instant now,
      Instant expires)
      throws SQLException {
    deleteOf(c, userId);
    UserEmails.Stored stored = emails.store(TABLE, tokenHash, email);
    IdentitySql.update(
        c,
        "INSERT INTO bw_email_verification (token_hash, user_id, email, email_cipher, email_key,"
            + " created, expires) VALUES (?, ?, ?, ?, ?, ?, ?)",
        tokenHash,
        userId,
        stored.clear(),
        stored.cipher(),
        stored.key(),
        now,
        expires);
  }

  /**
   * The address of an unexpired link of an enabled user; empty otherwise (also when the stored
   * address cannot be opened).
   */
  static Optional<Pending> findUsable(
      Connection c, UserEmails emails, String tokenHash, Instant now) throws SQLException {
    return IdentitySql.first(
            c,
            rs -> {
              String userId = rs.getString("user_id");
              String email = emails.read(rs, TABLE, tokenHash);
              return Optional.ofNullable(email).map(address -> new Pending(userId, address));
            },
            "SELECT v.user_id, v.email, v.email_cipher FROM bw_email_verification v"
                + " JOIN bw_user u ON u.id = v.user_id"
                + " WHERE v.token_hash = ? AND v.expires > ? AND u.disabled = FALSE",
            tokenHash,
            now)
        .flatMap(pending -> pending);
  }

  static void deleteOf(Connection c, String userId) throws SQLException {
    IdentitySql.update(c, "DELETE FROM bw_email_verification WHERE user_id = ?", userId);
  }

  /** Sets the user's address and increments the revision (A10). */
  static void setEmail(Connection c, UserEmails emails, String userId, String email)
      throws SQLException {
    UserEmails.Stored stored = emails.store(IdentityRepository.USER_TABLE, userId, email);
    IdentitySql.update(
        c,
        "UPDATE bw_user SET email = ?, email_cipher = ?, email_key = ?, email_hash = ?,"
            + " revision = revision + 1 WHERE id = ?",
        stored.clear(),
        stored.cipher(),
        stored.key(),
        stored.hash(),
        userId);
  }
}
