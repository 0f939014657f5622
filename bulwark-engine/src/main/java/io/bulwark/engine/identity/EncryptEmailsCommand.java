package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One batch of the encryption of stored e-mail addresses (D1, D2), at start and after an online
 * rotation: up to {@value #BATCH} user rows and waiting addresses still in clear (written before
 * the key store was there, or before this version), or under a key that is no longer the primary
 * (after a rotation), are written again with the primary key. The columns are the marker, so a
 * crash between batches loses nothing: the next start goes on. Each batch starts after the last row
 * the previous one looked at ({@link Progress}), so rows that cannot be opened (their key was
 * destroyed, or the ciphertext was moved or changed) are passed over, never looked at again in the
 * same run, and cannot hold up the rows after them.
 */
final class EncryptEmailsCommand implements Command<EncryptEmailsCommand.Progress> {

  /** Rows per table and transaction. */
  static final int BATCH = 100;

  /**
   * Where a run has got to: the last row looked at in each table (null: none yet), whether a table
   * may have more due rows, and how many rows the run wrote so far.
   */
  record Progress(
      @Nullable String lastUser, @Nullable String lastToken, boolean done, int written) {

    /** A run that has not begun. */
    static final Progress START = new Progress(null, null, false, 0);
  }

  private final UserEmails emails;
  private final int primaryKey;
  private final Progress after;

  EncryptEmailsCommand(UserEmails emails, Progress after) {
    this.emails = emails;
    this.after = after;
    this.primaryKey =
        emails
            .primaryKey()
            .orElseThrow(() -> new IllegalArgumentException("addresses are stored in clear"));
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the engine encrypts its own stored addresses");
  }

  @Override
  public Progress execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    int written = 0;
    List<Row> users = due(c, "bw_user u", "u.id", IdentityRepository.USER_TABLE, after.lastUser());
    // The user's revision stays: a stored form's change is no change of the user (A10).
    for (Row row : readable(users)) {
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
    List<Row> tokens =
        due(
            c,
            "bw_email_verification u",
            "u.token_hash",
            EmailVerificationRepository.TABLE,
            after.lastToken());
    for (Row row : readable(tokens)) {
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
    return new Progress(
        users.isEmpty() ? after.lastUser() : users.get(users.size() - 1).id(),
        tokens.isEmpty() ? after.lastToken() : tokens.get(tokens.size() - 1).id(),
        users.size() < BATCH && tokens.size() < BATCH,
        after.written() + written);
  }

  /** A row whose address is due, with the address in clear, or null when it cannot be opened. */
  private record Row(String id, @Nullable String email) {}

  private static List<Row> readable(List<Row> rows) {
    return rows.stream().filter(row -> row.email() != null).toList();
  }

  /**
   * Rows of {@code from} (aliased {@code u}) after {@code afterId} whose address is in clear or
   * under an older key, in ID order.
   */
  private List<Row> due(
      Connection c, String from, String idColumn, String table, @Nullable String afterId)
      throws SQLException {
    return IdentitySql.list(
        c,
        rs -> {
          String id = rs.getString("id");
          return new Row(id, emails.read(rs, table, id));
        },
        "SELECT "
            + idColumn
            + " AS id, u.email, u.email_cipher FROM "
            + from
            + " WHERE (u.email IS NOT NULL OR (u.email_key IS NOT NULL AND u.email_key <> ?))"
            + " AND "
            + idColumn
            + " > ? ORDER BY "
            + idColumn
            + " FETCH FIRST "
            + BATCH
            + " ROWS ONLY",
        primaryKey,
        afterId == null ? "" : afterId);
  }
}
