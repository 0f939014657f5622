package io.bulwark.server.engine;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the passphrase of the embedded database's key store comes from (D2), bound from {@code
 * bulwark.keystore.*}: the file {@code passphrase-file} (owner-only), else environment variable
 * {@value #PASSPHRASE_ENV}, else (development default) a passphrase generated on first start into
 * {@code DATA_DIR/keys/passphrase}, beside the data, which {@code doctor} warns about in dev and
 * test and fails in production.
 *
 * @param passphraseFile a file holding the passphrase, readable by its owner only, outside the data
 *     directory
 */
@ConfigurationProperties("bulwark.keystore")
public record KeyStoreSettings(Path passphraseFile) {

  /** The environment variable that may hold the key store passphrase. */
  public static final String PASSPHRASE_ENV = "BULWARK_KEYSTORE_PASSPHRASE";

  public KeyStoreSettings {
    passphraseFile = passphraseFile == null ? null : passphraseFile.toAbsolutePath().normalize();
  }
}
