package io.bulwark.engine.bootstrap;

import io.bulwark.engine.api.EngineStorage;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.crypto.CryptoException;
import io.bulwark.engine.crypto.DevPassphraseFile;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.persistence.Database;
import io.bulwark.engine.persistence.EmbeddedFiles;
import java.nio.file.Files;

/** Opens the local key store of an embedded storage, with its passphrase (D2). */
final class EmbeddedKeys {

  private EmbeddedKeys() {}

  /**
   * The key store, created on first use. A database file without its key store is refused rather
   * than given a new key store that could never open it.
   */
  static LocalKeyStore open(EngineStorage.Embedded embedded) {
    boolean databaseExists = Files.exists(EmbeddedFiles.file(Database.dbDir(embedded.dataDir())));
    boolean plain = EmbeddedFiles.isPlain(Database.dbDir(embedded.dataDir()));
    if (databaseExists && !plain && !LocalKeyStore.exists(embedded.dataDir())) {
      throw new CryptoException(
          "the embedded database is encrypted but its key store "
              + LocalKeyStore.fileOf(embedded.dataDir())
              + " is missing: restore it from your backup; without it the data cannot be read");
    }
    if (embedded.kmsKeyUri() != null) {
      return LocalKeyStore.openOrCreateWithKms(embedded.dataDir(), embedded.kmsKeyUri());
    }
    try (Secret passphrase = passphrase(embedded)) {
      return LocalKeyStore.openOrCreate(embedded.dataDir(), passphrase);
    }
  }

  private static Secret passphrase(EngineStorage.Embedded embedded) {
    if (embedded.keyStorePassphrase() != null) {
      return Secret.of(embedded.keyStorePassphrase().reveal());
    }
    return DevPassphraseFile.readOrCreate(embedded.dataDir());
  }
}
