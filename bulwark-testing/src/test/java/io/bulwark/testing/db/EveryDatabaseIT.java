package io.bulwark.testing.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

class EveryDatabaseIT {

  private static final Set<Vendor> SEEN = EnumSet.noneOf(Vendor.class);

  @EveryDatabaseTest
  void runsTheSameSqlOnEveryVendor(TestDatabase db) throws SQLException {
    SEEN.add(db.vendor());
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item (id VARCHAR(64) PRIMARY KEY, created TIMESTAMP WITH TIME ZONE)");
      s.execute("INSERT INTO item (id, created) VALUES ('a', CURRENT_TIMESTAMP)");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM item")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @AfterAll
  static void bothVendorsRan() {
    assertThat(SEEN).containsExactlyInAnyOrder(Vendor.values());
  }
}
