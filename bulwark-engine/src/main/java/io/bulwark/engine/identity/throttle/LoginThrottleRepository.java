package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.api.LockedAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written, parameterized SQL for {@code bw_login_failure} and {@code bw_login_address} (A5,
 * E5). Reads that precede a write lock their row ({@code FOR UPDATE}), so that concurrent attempts
 * on one account or address are counted one after the other on every node. Stateless.
 */
final class LoginThrottleRepository {

  Optional<Instant> lockAddress(Connection c, String address) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT empty_at FROM bw_login_address WHERE client_address = ? FOR UPDATE")) {
      ps.setString(1, address);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(instant(rs, 1)) : Optional.empty();
      }
    }
  }

  void insertAddress(Connection c, String address, Instant emptyAt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_login_address (client_address, empty_at) VALUES (?, ?)")) {
      ps.setString(1, address);
      ps.setObject(2, utc(emptyAt));
      ps.executeUpdate();
    }
  }

  void updateAddress(Connection c, String address, Instant emptyAt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE bw_login_address SET empty_at = ? WHERE client_address = ?")) {
      ps.setObject(1, utc(emptyAt));
      ps.setString(2, address);
      ps.executeUpdate();
    }
  }

  Optional<ThrottleRow> lockFailures(Connection c, String account, String address)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT failures, last_attempt, last_success FROM bw_login_failure"
                + " WHERE account_id = ? AND client_address = ? FOR UPDATE")) {
      ps.setString(1, account);
      ps.setString(2, address);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OffsetDateTime success = rs.getObject(3, OffsetDateTime.class);
        return Optional.of(
            new ThrottleRow(
                rs.getInt(1), instant(rs, 2), success == null ? null : success.toInstant()));
      }
    }
  }

  void insertFailures(Connection c, String account, String address, ThrottleRow row)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_login_failure"
                + " (account_id, client_address, failures, last_attempt, last_success)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, account);
      ps.setString(2, address);
      ps.setInt(3, row.failures());
      ps.setObject(4, utc(row.lastAttempt()));
      ps.setObject(5, row.lastSuccess() == null ? null : utc(row.lastSuccess()));
      ps.executeUpdate();
    }
  }

  void updateFailures(Connection c, String account, String address, ThrottleRow row)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bw_login_failure SET failures = ?, last_attempt = ?, last_success = ?"
                + " WHERE account_id = ? AND client_address = ?")) {
      ps.setInt(1, row.failures());
      ps.setObject(2, utc(row.lastAttempt()));
      ps.setObject(3, row.lastSuccess() == null ? null : utc(row.lastSuccess()));
      ps.setString(4, account);
      ps.setString(5, address);
      ps.executeUpdate();
    }
  }

  /** The failures of an account from other addresses, counted after {@code since}. */
  int otherFailures(Connection c, String account, String address, Instant since)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(SUM(failures), 0) FROM bw_login_failure"
                + " WHERE account_id = ? AND client_address <> ? AND last_attempt > ?")) {
      ps.setString(1, account);
      ps.setString(2, address);
      ps.setObject(3, utc(since));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
      }
    }
  }

  /** Sets an account's failures to zero on every address; the number of rows that had some. */
  int clearFailures(Connection c, String account) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bw_login_failure SET failures = 0 WHERE account_id = ? AND failures > 0")) {
      ps.setString(1, account);
      return ps.executeUpdate();
    }
  }

  /** Rows at or above {@code failures} counted after {@code since}, by account and address. */
  List<LockedAccount> lockedForAddresses(
      Connection c, int failures, Instant since, ThrottleRules rules, int max) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT account_id, client_address, failures, last_attempt FROM bw_login_failure"
                + " WHERE failures >= ? AND last_attempt > ?"
                + " ORDER BY account_id, client_address FETCH FIRST ? ROWS ONLY")) {
      ps.setInt(1, failures);
      ps.setObject(2, utc(since));
      ps.setInt(3, max);
      try (ResultSet rs = ps.executeQuery()) {
        List<LockedAccount> locked = new ArrayList<>();
        while (rs.next()) {
          ThrottleRow row = new ThrottleRow(rs.getInt(3), instant(rs, 4), null);
          locked.add(
              new LockedAccount(
                  rs.getString(1), rs.getString(2), row.failures(), rules.lockedUntil(row)));
        }
        return locked;
      }
    }
  }

  /** Accounts whose failures from all addresses, counted after {@code since}, reach the limit. */
  List<LockedAccount> lockedAccountWide(
      Connection c, int failures, Instant since, ThrottleRules rules, int max) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT account_id, SUM(failures), MAX(last_attempt) FROM bw_login_failure"
                + " WHERE last_attempt > ? GROUP BY account_id HAVING SUM(failures) >= ?"
                + " ORDER BY account_id FETCH FIRST ? ROWS ONLY")) {
      ps.setObject(1, utc(since));
      ps.setInt(2, failures);
      ps.setInt(3, max);
      try (ResultSet rs = ps.executeQuery()) {
        List<LockedAccount> locked = new ArrayList<>();
        while (rs.next()) {
          int sum = (int) Math.min(Integer.MAX_VALUE, rs.getLong(2));
          ThrottleRow row = new ThrottleRow(sum, instant(rs, 3), null);
          locked.add(
              new LockedAccount(
                  rs.getString(1),
                  LockedAccount.EVERY_UNKNOWN_ADDRESS,
                  sum,
                  rules.lockedUntil(row)));
        }
        return locked;
      }
    }
  }

  /** Deletes forgotten rows: no failure remembered and no known address to keep. */
  int deleteForgotten(Connection c, Instant forgetBefore, Instant knownSince) throws SQLException {
    int deleted;
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM bw_login_failure WHERE last_attempt < ?"
                + " AND (last_success IS NULL OR last_success < ?)")) {
      ps.setObject(1, utc(forgetBefore));
      ps.setObject(2, utc(knownSince));
      deleted = ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM bw_login_address WHERE empty_at < ?")) {
      ps.setObject(1, utc(forgetBefore));
      deleted += ps.executeUpdate();
    }
    return deleted;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
