package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The SQL of the audit log (E5): tables {@code bw_audit_head}, {@code _record}, {@code
 * _checkpoint}.
 */
final class AuditRepository {

  static final QueryShape RECORDS =
      QueryShape.of(
          "audit records",
          "r.seq, r.recorded, r.node, r.principal, r.kind, r.subject, r.details, r.prev_hash,"
              + " r.hash",
          "bw_audit_record r",
          Map.of(),
          "r.seq");

  private static final String COLUMNS =
      "seq, recorded, node, principal, kind, subject, details, prev_hash, hash";

  private AuditRepository() {}

  /** The chain's head, locked until the transaction ends: appends wait here, one at a time. */
  static Head lockHead(Connection connection) throws SQLException {
    return head(connection, " FOR UPDATE");
  }

  /** The chain's head as committed, without a lock. */
  static Head head(Connection connection) throws SQLException {
    return head(connection, "");
  }

  private static Head head(Connection connection, String lock) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT last_seq, last_hash FROM bw_audit_head WHERE id = 1" + lock)) {
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("the audit log's head row is missing");
        }
        return new Head(row.getLong("last_seq"), row.getString("last_hash"));
      }
    }
  }

  /** Inserts the record and moves the head to it. */
  static void append(Connection connection, AuditRecord record) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO bw_audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Object[] values = {
        record.seq(),
        record.time(),
        record.node(),
        record.principal(),
        record.kind(),
        record.subject(),
        record.details(),
        record.prevHash(),
        record.hash()
      };
      for (int i = 0; i < values.length; i++) {
        SqlValues.bind(insert, i + 1, values[i]);
      }
      insert.executeUpdate();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE bw_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      update.setLong(1, record.seq());
      update.setString(2, record.hash());
      update.executeUpdate();
    }
  }

  /** Stores a signed checkpoint over a record's hash. */
  static void checkpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO bw_audit_checkpoint (seq, hash, signed, key_id, signature)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      SqlValues.bind(insert, 1, checkpoint.seq());
      SqlValues.bind(insert, 2, checkpoint.hash());
      SqlValues.bind(insert, 3, checkpoint.signed());
      SqlValues.bind(insert, 4, checkpoint.keyId());
      SqlValues.bind(insert, 5, checkpoint.signature());
      insert.executeUpdate();
    }
  }

  /** Every checkpoint by sequence number. */
  static NavigableMap<Long, Checkpoint> checkpoints(Connection connection) throws SQLException {
    NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT seq, hash, signed, key_id, signature FROM bw_audit_checkpoint");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Checkpoint checkpoint =
            new Checkpoint(
                rows.getLong("seq"),
                rows.getString("hash"),
                SqlValues.requiredInstant(rows, "signed"),
                rows.getLong("key_id"),
                rows.getString("signature"));
        checkpoints.put(checkpoint.seq(), checkpoint);
      }
    }
    return checkpoints;
  }

  /** Prepares a scan of every record in chain order, at most {@code limit} of them. */
  static PreparedStatement scan(Connection connection, long limit) throws SQLException {
    PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM bw_audit_record ORDER BY seq FETCH FIRST ? ROWS ONLY");
    select.setLong(1, limit);
    select.setFetchSize(500);
    return select;
  }

  /** Maps one row of {@link #RECORDS} or {@link #scan}. */
  static AuditRecord map(ResultSet row) throws SQLException {
    return new AuditRecord(
        row.getLong("seq"),
        SqlValues.requiredInstant(row, "recorded"),
        row.getString("node"),
        row.getString("principal"),
        row.getString("kind"),
        row.getString("subject"),
        row.getString("details"),
        row.getString("prev_hash"),
        row.getString("hash"));
  }

  /** The chain's last sequence number (0 while empty) and hash. */
  record Head(long seq, String hash) {}

  /** A signature by key {@code keyId} over record {@code seq}'s hash. */
  record Checkpoint(long seq, String hash, Instant signed, long keyId, String signature) {}
}
