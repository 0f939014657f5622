package io.bulwark.bench.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where the engine under test keeps its data: a fresh database for every round.
 *
 * @param vendor {@code h2} (in memory), {@code h2-file} (a file under a fresh data directory, as
 *     Bulwark's embedded default keeps it) or {@code postgresql}
 */
public record BenchDatabase(String vendor, String jdbcUrl, String user, String password) {

  /**
   * The file-mode H2 URL prefix of {@code h2-file} rounds: {@code
   * jdbc:h2:file:DATA_DIR/db/bulwark}.
   */
  public static final String H2_FILE_PREFIX = "jdbc:h2:file:";

  /** Whether this is the PostgreSQL server (else H2). */
  public boolean postgresql() {
    return "postgresql".equals(vendor);
  }

  /**
   * The data directory of an {@code h2-file} round, laid out as Bulwark's embedded storage expects
   * ({@code DATA_DIR/db/bulwark}); empty for the other databases.
   */
  public Optional<Path> embeddedDataDir() {
    if (!"h2-file".equals(vendor)) {
      return Optional.empty();
    }
    Path file = Path.of(jdbcUrl.substring(H2_FILE_PREFIX.length()));
    Path db = file.getParent();
    return Optional.ofNullable(db == null ? null : db.getParent());
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
