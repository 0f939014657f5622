package io.bulwark.testing.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresExtensionIT {

  @Test
  void runsARealPostgresOnLoopback(TestDatabase db) throws SQLException {
    assertThat(db.vendor()).isEqualTo(Vendor.POSTGRESQL);
    assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version(), current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("PostgreSQL");
      assertThat(db.jdbcUrl()).endsWith("/" + rs.getString(2));
    }
  }

  @Test
  void eachParameterIsASeparateDatabase(TestDatabase first, TestDatabase second)
      throws SQLException {
    assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
    try (Connection c = first.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE probe (id INT)");
    }
    try (Connection c = second.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'probe'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void refusesAWrongPassword(TestDatabase db) {
    TestDatabase wrong = new TestDatabase(db.vendor(), db.jdbcUrl(), db.username(), "wrong");
    org.assertj.core.api.Assertions.assertThatThrownBy(wrong::connect)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void clusterIsSharedByTheWholeJvm() {
    assertThat(PostgresCluster.shared()).isSameAs(PostgresCluster.shared());
  }
}
