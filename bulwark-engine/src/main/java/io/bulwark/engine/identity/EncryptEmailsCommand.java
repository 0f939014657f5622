package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One batch of the at-start encryption of stored e-mail addresses (D1, D2): up to {@value #BATCH}
 * user rows and waiting addresses still in clear (written before the key store was there, or before
 * this version), or under a key that is no longer the primary (after a rotation), are written again
 * with the primary key. The columns are the marker, so a crash between batches loses nothing: the
 * next start goes on. Returns how many rows it wrote.
 */
final class EncryptEmailsCommand implements Command<Integer> {

  /** Rows per table and transaction. */
  static final int BATCH = 100;

  private final UserEmails emails;
  private final int primaryKey;

  EncryptEmailsCommand(UserEmails emails) {
    this.emails = emails;
    this.primaryKey =
        emails
            .primaryKey()
            .orElseThrow(() -> new IllegalArgumentException("addresses are stored in clear"));
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the engine encrypts its own stored addresses at start");
  }

  @Override
  public Integer execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    int written = 0;
    // The user's revision stays: a stored form's change is no change of the user (A10).
    for (Row row : due(c, "bw_user u", "u.id", IdentityRepository.USER_TABLE)) {
      UserEmails.Stored stored = emails.store(IdentityRepository.USER_TABLE, row.id(), row.email());
      IdentitySql.update(
          c,
          "UPDATE bw_user SET email = NULL, email_cipher = ?, email_key = ?, email_hash = ?"
              + " WHERE id = ?",
          stored.cipher(),
          stored.key(),
          stored.hash(),
          row.id());
      written++;
    }
    for (Row row :
        due(c, "bw_email_verification u", "u.token_hash", EmailVerificationRepository.TABLE)) {
      UserEmails.Stored stored =
          emails.store(EmailVerificationRepository.TABLE, row.id(), row.email());
      IdentitySql.update(
          c,
          "UPDATE bw_email_verification SET email = NULL, email_cipher = ?, email_key = ?"
              + " WHERE token_hash = ?",
          stored.cipher(),
          stored.key(),
          row.id());
      written++;
    }
    return written;
  }

  /** A row whose address is due, with the address in clear. */
  private record Row(String id, String email) {}

  /**
   * Rows of {@code from} (aliased {@code u}) whose address is in clear or under an older key; those
   * whose ciphertext cannot be opened (a destroyed key) are left as they are.
   */
  private List<Row> due(Connection c, String from, String idColumn, String table)
      throws SQLException {
    return IdentitySql.list(
            c,
            rs -> {
              String id = rs.getString("id");
              String email = emails.read(rs, table, id);
              return new Row(id, email == null ? "" : email);
            },
            "SELECT "
                + idColumn
                + " AS id, u.email, u.email_cipher FROM "
                + from
                + " WHERE u.email IS NOT NULL OR (u.email_key IS NOT NULL AND u.email_key <> ?)"
                + " ORDER BY "
                + idColumn
                + " FETCH FIRST "
                + BATCH
                + " ROWS ONLY",
            primaryKey)
        .stream()
        .filter(row -> !row.email().isEmpty())
        .toList();
  }
}
