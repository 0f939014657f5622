package io.bulwark.engine.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How rows are claimed: PostgreSQL skips rows that another transaction holds ({@code FOR UPDATE
 * SKIP LOCKED}); other databases (H2) claim by an optimistic revision check, so that a row taken by
 * another node is simply not claimed. Both end in {@code UPDATE … WHERE id = ? AND rev = ?}.
 */
public enum Dialect {
  POSTGRESQL,
  OPTIMISTIC;

  /** The dialect of a connection's database. */
  public static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql")
        ? POSTGRESQL
        : OPTIMISTIC;
  }

  /** The clause that ends a candidate SELECT in this dialect. */
  public String lockClause() {
    return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }
}
