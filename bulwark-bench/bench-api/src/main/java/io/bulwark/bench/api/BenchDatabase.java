package io.bulwark.bench.api;

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

  @Override
  public String toString() {
    return vendor + " " + jdbcUrl;
  }
}
