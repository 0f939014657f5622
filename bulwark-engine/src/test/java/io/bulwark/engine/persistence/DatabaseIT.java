package io.bulwark.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.Secret;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseIT {

  private static Database open(TestDatabase db) {
    return Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
  }

  /** Counts groups on a connection of its own (transactions are the command executor's). */
  private static int countGroups(Database database) throws SQLException {
    try (var c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bw_group");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @EveryDatabaseTest
  void migrationsRunAndAreIdempotent(TestDatabase db) throws SQLException {
    try (Database first = open(db)) {
      assertThat(countGroups(first)).isZero();
    }
    try (Database again = open(db);
        var c = again.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE success");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void embeddedDatabaseFilesAreOwnerOnly(@TempDir Path dataDir) throws Exception {
    try (Database database = Database.embedded(dataDir, Secret.of("file-password"))) {
      assertThat(countGroups(database)).isZero();
      Path dbDir = dataDir.resolve("db");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbDir)))
          .isEqualTo("rwx------");
      List<Path> files;
      try (Stream<Path> list = Files.list(dbDir)) {
        files = list.toList();
      }
      assertThat(files).anySatisfy(f -> assertThat(f.getFileName()).hasToString("bulwark.mv.db"));
      for (Path file : files) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Test
  void redactCutsUrlParametersThatMayHoldCredentials() {
    assertThat(Database.redact("jdbc:postgresql://db:5432/bw?password=x"))
        .isEqualTo("jdbc:postgresql://db:5432/bw");
    assertThat(Database.redact("jdbc:h2:file:/d;PASSWORD=x")).isEqualTo("jdbc:h2:file:/d");
  }
}
