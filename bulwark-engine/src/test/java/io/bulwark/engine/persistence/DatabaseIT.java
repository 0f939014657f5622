package io.bulwark.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ConflictException;
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

  private static int countGroups(Transactions tx) {
    return tx.inTransaction(
        "count",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bw_group");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  private static void insertGroup(java.sql.Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bw_group (id, name, created, revision)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, 0)")) {
      ps.setString(1, id);
      ps.setString(2, id);
      ps.executeUpdate();
    }
  }

  @EveryDatabaseTest
  void migrationsRunAndAreIdempotent(TestDatabase db) throws SQLException {
    try (Database first = open(db)) {
      assertThat(countGroups(first.transactions())).isZero();
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

  @EveryDatabaseTest
  void anExceptionRollsTheWholeUnitBack(TestDatabase db) {
    try (Database database = open(db)) {
      Transactions tx = database.transactions();
      assertThatThrownBy(
              () ->
                  tx.inTransaction(
                      "insert then fail",
                      c -> {
                        insertGroup(c, "g1");
                        throw new IllegalStateException("boom");
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(countGroups(tx)).isZero();
      tx.inTransaction(
          "insert",
          c -> {
            insertGroup(c, "g1");
            return null;
          });
      assertThat(countGroups(tx)).isEqualTo(1);
    }
  }

  @EveryDatabaseTest
  void aDuplicateKeyIsAConflictWithoutSql(TestDatabase db) {
    try (Database database = open(db)) {
      Transactions tx = database.transactions();
      assertThatThrownBy(
              () ->
                  tx.inTransaction(
                      "create group g2",
                      c -> {
                        insertGroup(c, "g2");
                        insertGroup(c, "g2");
                        return null;
                      }))
          .isInstanceOf(ConflictException.class)
          .hasMessage("create group g2 failed: the ID is already taken");
      assertThat(countGroups(tx)).isZero();
    }
  }

  @Test
  void anInterruptedUnitKeepsTheInterruptFlag(@TempDir Path dir) {
    try (Database database = Database.embedded(dir)) {
      Transactions tx = database.transactions();
      assertThatThrownBy(
              () ->
                  tx.inTransaction(
                      "wait",
                      c -> {
                        throw new IllegalStateException(new InterruptedException("stop"));
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void embeddedDatabaseFilesAreOwnerOnly(@TempDir Path dataDir) throws Exception {
    try (Database database = Database.embedded(dataDir)) {
      assertThat(countGroups(database.transactions())).isZero();
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
