package io.bulwark.engine.bootstrap;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.EngineStorage;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.KeyManagementService;
import io.bulwark.engine.audit.DatabaseAuditService;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.AuditSigner;
import io.bulwark.engine.crypto.CryptoException;
import io.bulwark.engine.crypto.KeyStoreRewrap;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.keys.KeySetSync;
import io.bulwark.engine.persistence.Database;
import io.bulwark.engine.persistence.DatabaseException;
import io.bulwark.engine.persistence.EmbeddedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.tools.ChangeFileEncryption;

/** {@link EmbeddedStorageAdmin} over a data directory no engine is running on. */
final class EmbeddedAdministration implements EmbeddedStorageAdmin {

  private static final DateTimeFormatter BACKUP_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

  private final EngineStorage.Embedded storage;
  private final Clock clock;

  EmbeddedAdministration(EngineStorage.Embedded storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public Optional<Path> encryptDatabase() {
    Path dbDir = Database.dbDir(storage.dataDir());
    if (!EmbeddedFiles.isPlain(dbDir)) {
      return Optional.empty();
    }
    LocalKeyStore keys = EmbeddedKeys.open(storage);
    Path backup = backup(dbDir);
    try (Secret filePassword = keys.databaseFilePassword()) {
      char[] password = filePassword.reveal();
      try {
        ChangeFileEncryption.execute(dbDir.toString(), "bulwark", "AES", null, password, true);
      } catch (SQLException e) {
        throw new DatabaseException(
            "encrypting the embedded database failed; the unencrypted copy is in " + backup, e);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    return Optional.of(backup);
  }

  /** Copies the database files to {@code db-backup-unencrypted-STAMP} beside {@code db}. */
  private Path backup(Path dbDir) {
    Path backup =
        dbDir.resolveSibling("db-backup-unencrypted-" + BACKUP_STAMP.format(clock.instant()));
    try {
      Files.createDirectory(backup);
      try (var files = Files.list(dbDir)) {
        for (Path file : files.toList()) {
          if (Files.isRegularFile(file)) {
            Files.copy(
                file, backup.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      return backup;
    } catch (IOException e) {
      throw new DatabaseException("cannot back up " + dbDir + " to " + backup, e);
    }
  }

  @Override
  public List<KeyInfo> listKeys() {
    return EmbeddedKeys.open(storage).list();
  }

  @Override
  public KeyInfo rotateKey() {
    LocalKeyStore keys = EmbeddedKeys.open(storage);
    KeyInfo primary = keys.rotate();
    audit(keys, "key_rotated", primary.id());
    return primary;
  }

  @Override
  public void destroyKey(int keyId) {
    LocalKeyStore keys = EmbeddedKeys.open(storage);
    keys.destroy(keyId);
    audit(keys, "key_destroyed", keyId);
  }

  @Override
  public String encryptSetting(String setting, Secret value) {
    return EmbeddedKeys.open(storage).settingCipher().encrypt(setting, value);
  }

  @Override
  public Secret decryptSetting(String setting, String encrypted) {
    if (!LocalKeyStore.exists(storage.dataDir())) {
      throw new CryptoException(
          "the setting "
              + setting
              + " is encrypted, but there is no key store "
              + LocalKeyStore.fileOf(storage.dataDir())
              + " to decrypt it (D3)");
    }
    return EmbeddedKeys.open(storage).settingCipher().decrypt(setting, encrypted);
  }

  @Override
  public Optional<Path> rewrapKeyStoreWithPassphrase(Secret newPassphrase, boolean keepBackup) {
    LocalKeyStore keys = openForRewrap();
    Optional<Path> backup =
        KeyStoreRewrap.toPassphrase(keys, storage.dataDir(), newPassphrase, keepBackup);
    LocalKeyStore rewrapped = LocalKeyStore.openOrCreate(storage.dataDir(), newPassphrase);
    audit(rewrapped, "key_store_rewrapped", rewrapped.fieldCipher().primaryKeyId());
    return backup;
  }

  @Override
  public Optional<Path> rewrapKeyStoreWithKms(String keyUri, boolean keepBackup) {
    KeyManagementService service = KeyStoreRewrap.serviceFor(keyUri);
    LocalKeyStore keys = openForRewrap();
    Optional<Path> backup =
        KeyStoreRewrap.toKms(keys, storage.dataDir(), keyUri, service, keepBackup);
    LocalKeyStore rewrapped = LocalKeyStore.openOrCreateWithKms(storage.dataDir(), keyUri, service);
    audit(rewrapped, "key_store_rewrapped", rewrapped.fieldCipher().primaryKeyId());
    return backup;
  }

  /**
   * The key store, its audit signing key set made first: the audit record after the re-wrap must
   * not save the store again under the old key.
   */
  private LocalKeyStore openForRewrap() {
    LocalKeyStore keys = EmbeddedKeys.open(storage);
    keys.auditSigningKeyset().close();
    return keys;
  }

  /**
   * Appends a key event to the audit log of the embedded database (D4), as the operating-system
   * user at the console; nothing when there is no encrypted database yet.
   */
  private void audit(LocalKeyStore keys, String kind, int keyId) {
    Path dbDir = Database.dbDir(storage.dataDir());
    if (!Files.exists(EmbeddedFiles.file(dbDir)) || EmbeddedFiles.isPlain(dbDir)) {
      return;
    }
    AuditSigner signer;
    try (Secret keyset = keys.auditSigningKeyset()) {
      signer = AuditSigner.of(keyset);
    }
    try (Secret filePassword = keys.databaseFilePassword();
        Database database = Database.embedded(storage.dataDir(), filePassword)) {
      CommandExecutor commands =
          new CommandExecutor(database.dataSource(), new GrantChecker(), clock);
      new DatabaseAuditService(commands, Optional.of(signer))
          .append(
              new AuditEvent(
                  "console",
                  "os:" + System.getProperty("user.name"),
                  kind,
                  "key " + keyId,
                  Map.of("key_store", LocalKeyStore.fileOf(storage.dataDir()).toString())));
      // D2: the key set as it is now, wrapped under the current key-encryption key.
      KeySetSync.republish(commands, keys);
    }
  }
}
