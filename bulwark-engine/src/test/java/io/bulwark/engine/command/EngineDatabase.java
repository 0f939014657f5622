package io.bulwark.engine.command;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.H2Databases;
import io.bulwark.testing.db.PostgresCluster;
import io.bulwark.testing.db.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * The databases the engine runs on, each as a fresh database per call from bulwark-testing's
 * harness: H2 in its regular mode, H2 in PostgreSQL mode, and a real PostgreSQL on the one shared
 * cluster of the JVM ({@link PostgresCluster}). Use with {@code @EnumSource(EngineDatabase.class)}.
 */
public enum EngineDatabase {
  H2,
  H2_POSTGRESQL_MODE,
  POSTGRESQL;

  /** A new empty database with the migrations applied; close it after the test. */
  public HikariDataSource create() {
    HikariDataSource dataSource = open();
    Flyway.configure()
        .dataSource(dataSource)
        .locations(Database.migrationLocations(dataSource))
        .load()
        .migrate();
    return dataSource;
  }

  /** A new empty database without migrations. */
  public HikariDataSource open() {
    TestDatabase database =
        switch (this) {
          case H2 -> H2Databases.freshInRegularMode();
          case H2_POSTGRESQL_MODE -> H2Databases.fresh();
          case POSTGRESQL -> PostgresCluster.shared().createDatabase();
        };
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.username());
    config.setPassword(database.password());
    return new HikariDataSource(config);
  }
}
