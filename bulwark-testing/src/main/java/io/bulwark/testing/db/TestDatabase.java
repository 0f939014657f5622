package io.bulwark.testing.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A fresh, empty database that belongs to one test.
 *
 * @param vendor H2 or PostgreSQL
 * @param jdbcUrl the JDBC URL
 * @param username the user, owner of the database
 * @param password the user's password (a random test password; may be empty for H2)
 */
public record TestDatabase(Vendor vendor, String jdbcUrl, String username, String password) {

  public TestDatabase {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** Opens a plain JDBC connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }

  /** The vendor name, so that parameterized test names read "[1] H2", "[2] POSTGRESQL". */
  @Override
  public String toString() {
    return vendor.name();
  }
}
