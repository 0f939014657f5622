package io.bulwark.testing.db;

import java.util.UUID;

/**
 * Fresh in-memory H2 databases, by default in PostgreSQL mode. Each lives until the JVM ends
 * ({@code DB_CLOSE_DELAY=-1}), so that closing the last pooled connection does not drop it
 * mid-test.
 */
public final class H2Databases {

  private H2Databases() {}

  /** A new, empty, uniquely named in-memory database in PostgreSQL mode. */
  public static TestDatabase fresh() {
    return named(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }

  /**
   * A new, empty, uniquely named in-memory database in H2's own (regular) mode, for code that must
   * also run on a plain H2.
   */
  public static TestDatabase freshInRegularMode() {
    return named("");
  }

  private static TestDatabase named(String modeSettings) {
    String url = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + modeSettings;
    return new TestDatabase(Vendor.H2, url, "sa", "");
  }
}
