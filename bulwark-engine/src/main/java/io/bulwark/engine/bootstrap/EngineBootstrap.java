package io.bulwark.engine.bootstrap;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.EngineStorage;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.identity.DatabaseIdentityService;
import io.bulwark.engine.persistence.Database;
import java.time.Clock;
import java.util.Arrays;

/** Opens the database, migrates it and assembles the services. */
public final class EngineBootstrap {

  private EngineBootstrap() {}

  /** Called only by {@code BulwarkEngineBuilder.build()}, after it validated the storage. */
  public static BulwarkEngine start(EngineStorage storage) {
    Database database = open(storage);
    try {
      IdentityService identity =
          new DatabaseIdentityService(database.transactions(), Clock.systemUTC());
      return new RunningEngine(database, identity);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Database open(EngineStorage storage) {
    if (storage instanceof EngineStorage.External external) {
      return Database.external(external.dataSource());
    }
    if (storage instanceof EngineStorage.Embedded embedded) {
      return Database.embedded(embedded.dataDir());
    }
    EngineStorage.Jdbc jdbc = (EngineStorage.Jdbc) storage;
    char[] password = jdbc.password().reveal();
    try {
      return Database.jdbc(jdbc.url(), jdbc.username(), password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private record RunningEngine(Database database, IdentityService identityService)
      implements BulwarkEngine {

    @Override
    public void close() {
      database.close();
    }

    @Override
    public String toString() {
      return "BulwarkEngine";
    }
  }
}
