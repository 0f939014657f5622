package io.bulwark.engine.keys;

import io.bulwark.engine.variable.ReencryptVariablesJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** What the database still holds under a key, and whether its re-encryption is pending (D2). */
final class KeyUses {

  /** Tables and the column naming the key of their encrypted value; constants only (E5). */
  private static final List<String> COUNTS =
      List.of(
          "SELECT COUNT(*) FROM bw_variable WHERE cipher_key = ?",
          "SELECT COUNT(*) FROM bw_hi_variable_update WHERE cipher_key = ?",
          "SELECT COUNT(*) FROM bw_user WHERE email_key = ?",
          "SELECT COUNT(*) FROM bw_email_verification WHERE email_key = ?");

  private KeyUses() {}

  /** The stored values encrypted under {@code keyId}. */
  static long valuesUnder(Connection connection, int keyId) throws SQLException {
    long total = 0;
    for (String sql : COUNTS) {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setInt(1, keyId);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  /** Whether a re-encryption job ({@value ReencryptVariablesJob#TYPE}) is scheduled or running. */
  static boolean reencryptionPending(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM bw_job WHERE job_type = ? FETCH FIRST 1 ROWS ONLY")) {
      select.setString(1, ReencryptVariablesJob.TYPE);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
