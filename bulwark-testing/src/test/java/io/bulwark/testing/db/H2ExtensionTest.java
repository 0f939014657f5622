package io.bulwark.testing.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@H2Test
class H2ExtensionTest {

  @Test
  void eachTestGetsAFreshEmptyDatabase(TestDatabase first, TestDatabase second)
      throws SQLException {
    assertThat(first.vendor()).isEqualTo(Vendor.H2);
    assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
    try (Connection c = first.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE probe (id INT)");
    }
    try (Connection c = second.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'probe'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void databaseSurvivesClosingItsLastConnection(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id INT)");
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kept")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
