package io.bulwark.testing.db;

import java.util.UUID;

/**
 * Fresh in-memory H2 databases in PostgreSQL mode. Each lives until the JVM ends ({@code
 * DB_CLOSE_DELAY=-1}), so that closing the last pooled connection does not drop it mid-test.
 */
public final class H2Databases {

  private H2Databases() {}

  /** A new, empty, uniquely named in-memory database. */
  public static TestDatabase fresh() {
    String name = "test-" + UUID.randomUUID();
    String url =
        "jdbc:h2:mem:"
            + name
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";
    return new TestDatabase(Vendor.H2, url, "sa", "");
  }
}
