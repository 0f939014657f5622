package io.bulwark.server.engine;

import io.bulwark.engine.api.Secret;
import io.bulwark.engine.crypto.DevPassphraseFile;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Opens a data directory's encrypted embedded database around the engine, as an attacker holding
 * the keys or a careless import would: tests use it to write rows the engine would refuse. Uses the
 * generated development passphrase.
 */
public final class EmbeddedDatabaseAccess {

  private EmbeddedDatabaseAccess() {}

  public static Connection connect(Path dataDir) throws SQLException {
    try (Secret passphrase = DevPassphraseFile.readOrCreate(dataDir);
        Secret filePassword =
            LocalKeyStore.openOrCreate(dataDir, passphrase).databaseFilePassword()) {
      char[] password = Database.embeddedPassword(filePassword);
      try {
        return DriverManager.getConnection(
            Database.embeddedUrl(dataDir), "bulwark", new String(password));
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }
}
