package io.bulwark.bench.rest;

/**
 * The database one server of a run uses: H2 in memory in the server's JVM, or a fresh database on
 * the run's throwaway PostgreSQL server ({@code BenchPostgres}, durable defaults). The password
 * goes to the server through its environment, never its command line.
 *
 * @param kind {@code h2} or {@code postgresql}
 * @param url the JDBC URL
 * @param username the database user
 * @param password the database user's password
 */
record RestDatabase(String kind, String url, String username, String password) {

  static final String H2 = "h2";
  static final String POSTGRESQL = "postgresql";

  /** An in-memory H2 database named after the server; the first connection sets the password. */
  static RestDatabase h2(String server) {
    return new RestDatabase(
        H2, "jdbc:h2:mem:" + server + "-rest-bench;DB_CLOSE_DELAY=-1", "sa", Passwords.random());
  }

  @Override
  public String toString() {
    return "RestDatabase[" + kind + " " + url + "]";
  }
}
