package io.bulwark.server.engine;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What protects the embedded database's key store (D2), bound from {@code bulwark.keystore.*}: a
 * key-management service's key {@code kms-key-uri} (a plug-in jar serves it), else a passphrase
 * from the file {@code passphrase-file} (owner-only), else environment variable {@value
 * #PASSPHRASE_ENV}, else (development default) a passphrase generated on first start into {@code
 * DATA_DIR/keys/passphrase}, beside the data, which {@code doctor} warns about in dev and test and
 * fails in production.
 *
 * @param passphraseFile a file holding the passphrase, readable by its owner only, outside the data
 *     directory
 * @param kmsKeyUri the key of a key-management plug-in, e.g. {@code aws-kms://arn:…}; not together
 *     with a passphrase file
 */
@ConfigurationProperties("bulwark.keystore")
public record KeyStoreSettings(@Nullable Path passphraseFile, @Nullable String kmsKeyUri) {

  /** The environment variable that may hold the key store passphrase. */
  public static final String PASSPHRASE_ENV = "BULWARK_KEYSTORE_PASSPHRASE";

  public KeyStoreSettings {
    passphraseFile = passphraseFile == null ? null : passphraseFile.toAbsolutePath().normalize();
    kmsKeyUri = kmsKeyUri == null || kmsKeyUri.isBlank() ? null : kmsKeyUri.strip();
    if (passphraseFile != null && kmsKeyUri != null) {
      throw new IllegalArgumentException(
          "set bulwark.keystore.kms-key-uri or bulwark.keystore.passphrase-file, not both: the key"
              + " store is protected by one of them");
    }
  }
}
