package io.bulwark.engine.api;

import io.bulwark.engine.api.spi.KeyManagementService;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Where the engine keeps its data: one of three kinds, chosen on {@link BulwarkEngineBuilder}. */
public sealed interface EngineStorage {

  /**
   * A data source the application owns; the engine neither pools nor closes it.
   *
   * @param dataSource H2 (in PostgreSQL mode) or PostgreSQL
   */
  record External(DataSource dataSource) implements EngineStorage {
    public External {
      Objects.requireNonNull(dataSource, "dataSource");
    }
  }

  /**
   * Embedded H2 in file mode at {@code dataDir/db/bulwark}, in a directory only the owner can read,
   * encrypted with a key from the local key store {@code dataDir/keys/keystore.properties} (D1,
   * D2).
   *
   * @param dataDir the data directory; created when missing
   * @param keyStorePassphrase the key store's passphrase; {@code null} for the development default,
   *     a passphrase generated into {@code dataDir/keys/passphrase} (owner-only), which lies beside
   *     the data ({@code doctor} warns, and fails it in production)
   * @param kmsKeyUri instead of a passphrase, the key of a {@link KeyManagementService} plug-in
   *     that protects the key store; null for a passphrase
   */
  record Embedded(Path dataDir, @Nullable Secret keyStorePassphrase, @Nullable String kmsKeyUri)
      implements EngineStorage {
    public Embedded {
      dataDir = dataDir.toAbsolutePath().normalize();
      if (keyStorePassphrase != null && kmsKeyUri != null) {
        throw new IllegalArgumentException(
            "the key store has a passphrase or a key-management key, not both");
      }
    }

    /** With the development default passphrase. */
    public Embedded(Path dataDir) {
      this(dataDir, null, null);
    }

    /** With the key store's passphrase. */
    public Embedded(Path dataDir, @Nullable Secret keyStorePassphrase) {
      this(dataDir, keyStorePassphrase, null);
    }

    @Override
    public String toString() {
      return "Embedded[dataDir="
          + dataDir
          + ", keyStorePassphrase="
          + (kmsKeyUri != null
              ? "none, key-management key " + kmsKeyUri
              : keyStorePassphrase == null ? "generated beside the data" : "****")
          + "]";
    }
  }

  /**
   * A database reached by JDBC URL (PostgreSQL, or H2 for tests), pooled by the engine.
   *
   * @param url {@code jdbc:postgresql://…} or {@code jdbc:h2:…}
   * @param username the database user
   * @param password the database password; the engine keeps its own copy
   */
  record Jdbc(String url, String username, Secret password) implements EngineStorage {
    public Jdbc {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Jdbc[url=" + url + ", username=" + username + ", password=****]";
    }
  }
}
