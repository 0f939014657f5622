package io.bulwark.bench.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * What the PostgreSQL server's write-ahead log shows of a timed part, read over a connection of its
 * own (the engine's pool is not touched): the log bytes written, from the insert position ({@code
 * pg_current_wal_lsn()}, exact), and the WAL syncs with their time ({@code pg_stat_wal}, timed
 * because the benchmark's server runs with {@code track_wal_io_timing}). The server is the
 * benchmark's own and runs one child at a time, so the figures are this engine's, with its
 * autovacuum. Backends report their sync counters at most once a second, so the sync figures of a
 * short window are shifted by up to that much. On H2 every reading is empty.
 */
final class WalMeter {

  private static final String SQL =
      "SELECT pg_current_wal_lsn() - '0/0', wal_sync, wal_sync_time FROM pg_stat_wal";

  /** A reading of the log: bytes since the cluster began, syncs, and milliseconds spent in them. */
  record Reading(double bytes, double syncs, double syncMillis) {

    static final Reading NONE = new Reading(0, 0, 0);
  }

  /** Null when off. */
  private final @Nullable BenchDatabase database;

  WalMeter(@Nullable BenchDatabase database) {
    this.database = database;
  }

  /** A meter that reads nothing, for the warm-up. */
  static WalMeter off() {
    return new WalMeter(null);
  }

  /** The log now; {@link Reading#NONE} on H2 and when off. */
  Reading read() {
    if (!on()) {
      return Reading.NONE;
    }
    BenchDatabase db = database;
    if (db == null) {
      return Reading.NONE;
    }
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(SQL)) {
      row.next();
      return new Reading(row.getDouble(1), row.getDouble(2), row.getDouble(3));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_wal: " + e.getMessage(), e);
    }
  }

  /**
   * Adds {@code wal_kb_per_start} (log written between the readings per instance started) and
   * {@code wal_sync_us} (mean time of one WAL sync between them); nothing on H2 and when off.
   */
  void addStarts(Reading before, Reading after, int starts, Samples.Scoped samples) {
    if (!on()) {
      return;
    }
    samples.add("wal_kb_per_start", (after.bytes() - before.bytes()) / 1024 / Math.max(1, starts));
    double syncs = after.syncs() - before.syncs();
    if (syncs > 0) {
      samples.add("wal_sync_us", (after.syncMillis() - before.syncMillis()) * 1000 / syncs);
    }
  }

  private boolean on() {
    BenchDatabase db = database;
    return db != null && db.postgresql();
  }
}
