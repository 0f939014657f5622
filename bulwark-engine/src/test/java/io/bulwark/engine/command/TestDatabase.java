package io.bulwark.engine.command;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the engine runs on, each as a fresh, migrated database per call: H2 in its default
 * mode, H2 in PostgreSQL mode, and a real PostgreSQL. PostgreSQL tests are skipped when no server
 * binaries are installed, unless {@code BULWARK_TEST_REQUIRE_ALL=true}.
 */
public enum TestDatabase {
  H2,
  H2_POSTGRESQL_MODE,
  POSTGRESQL;

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** A new empty database with the migrations applied; close it after the test. */
  public HikariDataSource create() {
    HikariDataSource dataSource = open();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  /** A new empty database without migrations. */
  public HikariDataSource open() {
    String name = "bw" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    switch (this) {
      case H2 -> config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      case H2_POSTGRESQL_MODE ->
          config.setJdbcUrl(
              "jdbc:h2:mem:"
                  + name
                  + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL"
                  + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
      case POSTGRESQL -> {
        PostgresCluster cluster = requirePostgres();
        createDatabase(cluster, name);
        config.setJdbcUrl(cluster.jdbcUrl(name));
        config.setUsername("postgres");
      }
      default -> throw new IllegalStateException(name());
    }
    return new HikariDataSource(config);
  }

  private static PostgresCluster requirePostgres() {
    var cluster = PostgresCluster.get();
    boolean required =
        "true"
            .equals(
                String.valueOf(System.getenv("BULWARK_TEST_REQUIRE_ALL")).toLowerCase(Locale.ROOT));
    if (cluster.isEmpty() && required) {
      throw new IllegalStateException("PostgreSQL binaries are required but not installed");
    }
    Assumptions.assumeTrue(cluster.isPresent(), "PostgreSQL binaries not installed");
    return cluster.get();
  }

  private static void createDatabase(PostgresCluster cluster, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(cluster.jdbcUrl("postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(1);
    try (HikariDataSource admin = new HikariDataSource(config);
        Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      // The name is generated above from digits and letters only.
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }
}
