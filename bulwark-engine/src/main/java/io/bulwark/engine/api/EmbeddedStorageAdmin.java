package io.bulwark.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Offline administration of an embedded data directory (D1, D2), for {@code bulwark admin}: no
 * engine may run on it meanwhile. Obtained from {@link BulwarkEngineBuilder#embeddedAdmin()}.
 */
public interface EmbeddedStorageAdmin {

  /**
   * Encrypts an unencrypted embedded database in place (H2 {@code CIPHER=AES}) with the key store's
   * file password, after copying the {@code db} directory to a backup beside it.
   *
   * @return the backup directory, or empty when there was nothing to encrypt (no database, or
   *     already encrypted)
   */
  Optional<Path> encryptDatabase();

  /** The key store's keys, primary first. */
  List<KeyInfo> listKeys();

  /** Adds a new primary key and re-encrypts every value the key store holds with it. */
  KeyInfo rotateKey();

  /**
   * Destroys a key that is not the primary: what it alone encrypted becomes unreadable for good
   * (crypto-shredding).
   */
  void destroyKey(int keyId);

  /**
   * The encrypted configuration value {@code {bulwark-aead}…} of {@code value} for the setting
   * {@code setting} (D3): AEAD under the key store's key-encryption key, the setting's name as
   * associated data. Creates the key store when there is none yet.
   */
  String encryptSetting(String setting, Secret value);

  /**
   * The value of an encrypted configuration value, for a start-up that reads it into memory (D3).
   *
   * @throws BulwarkException there is no key store, or the value is another key store's, another
   *     setting's or changed; the message names the setting, never the value
   */
  Secret decryptSetting(String setting, String encrypted);

  /**
   * Moves the key store to a key derived from {@code newPassphrase} (D2): the key set is wrapped
   * anew and the file replaced atomically; keys and values stay as they are. Encrypted settings
   * (D3) are bound to the old key-encryption key: encrypt them again.
   *
   * @param keepBackup keep the old file beside it (it still opens with the old key)
   * @return the backup, when kept
   */
  Optional<Path> rewrapKeyStoreWithPassphrase(Secret newPassphrase, boolean keepBackup);

  /**
   * As {@link #rewrapKeyStoreWithPassphrase}, under the key {@code keyUri} of the key-management
   * plug-in on the class path that serves it.
   */
  Optional<Path> rewrapKeyStoreWithKms(String keyUri, boolean keepBackup);
}
