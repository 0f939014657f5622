package io.bulwark.engine.crypto;

import com.google.crypto.tink.Aead;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.KeyManagementService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Moves a key store to another key-encryption key (D2), offline: from a passphrase to a
 * key-management service's key, back, or to a new passphrase. The key set itself and every value it
 * encrypts stay as they are; only the key set's wrapping changes. The file is replaced atomically
 * (a temporary file forced to disk and moved over it), then opened with the new key to prove it;
 * the old file is kept as a backup only when asked, since it still opens with the old key.
 * Encrypted configuration values ({@link SettingCipher}) are bound to the old key-encryption key
 * and must be encrypted again.
 */
public final class KeyStoreRewrap {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private KeyStoreRewrap() {}

  /**
   * Re-wraps {@code store} (opened from {@code dataDir}) under a key derived from {@code
   * passphrase} with a new salt.
   *
   * @return the backup of the old file, when {@code keepBackup}
   */
  public static Optional<Path> toPassphrase(
      LocalKeyStore store, Path dataDir, Secret passphrase, boolean keepBackup) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    PassphraseKey key = PassphraseKey.defaults(salt);
    Optional<Path> backup = backup(dataDir, keepBackup);
    store.writeUnder(key, key.derive(passphrase));
    LocalKeyStore.openOrCreate(dataDir, passphrase);
    return backup;
  }

  /**
   * Re-wraps {@code store} under the key {@code keyUri} of {@code service}.
   *
   * @return the backup of the old file, when {@code keepBackup}
   */
  public static Optional<Path> toKms(
      LocalKeyStore store,
      Path dataDir,
      String keyUri,
      KeyManagementService service,
      boolean keepBackup) {
    KeyEncryptionKey.Kms key = new KeyEncryptionKey.Kms(keyUri);
    Aead aead = key.aead(service);
    Optional<Path> backup = backup(dataDir, keepBackup);
    store.writeUnder(key, aead);
    LocalKeyStore.openOrCreateWithKms(dataDir, keyUri, service);
    return backup;
  }

  /** The service on the class path that serves {@code keyUri}. */
  public static KeyManagementService serviceFor(String keyUri) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new KeyEncryptionKey.Kms(keyUri)
        .service(loader != null ? loader : KeyStoreRewrap.class.getClassLoader());
  }

  private static Optional<Path> backup(Path dataDir, boolean keepBackup) {
    if (!keepBackup) {
      return Optional.empty();
    }
    Path file = LocalKeyStore.fileOf(dataDir);
    Path backup =
        file.resolveSibling(file.getFileName() + ".backup-" + STAMP.format(Instant.now()));
    try {
      KeyStoreFile.OwnerOnly.createFile(backup);
      Files.write(backup, Files.readAllBytes(file));
      return Optional.of(backup);
    } catch (IOException e) {
      throw new CryptoException("cannot back up the key store " + file + " to " + backup, e);
    }
  }
}
