package io.bulwark.bench.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the engine under test keeps its data: a fresh database for every round.
 *
 * @param vendor {@code h2} or {@code postgresql}
 */
public record BenchDatabase(String vendor, String jdbcUrl, String user, String password) {

  /** Whether this is the PostgreSQL server (else H2). */
  public boolean postgresql() {
    return "postgresql".equals(vendor);
  }

  /** A new connection of the benchmark's own, beside the engine's pool. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  @Override
  public String toString() {
    return vendor + " " + jdbcUrl;
  }
}
