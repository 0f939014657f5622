package io.bulwark.engine.crypto;

import io.bulwark.engine.api.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The development default of the key store's passphrase: {@code DATA_DIR/keys/passphrase}, 256
 * random bits generated on first use into an owner-only file. It lies beside the data, so a copy of
 * the data directory carries its key: {@code doctor} warns about it (D2), and fails it in
 * production, where the passphrase must come from the environment or a file elsewhere.
 */
public final class DevPassphraseFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DevPassphraseFile() {}

  /** Where the generated passphrase lives. */
  public static Path of(Path dataDir) {
    return dataDir.resolve("keys").resolve("passphrase");
  }

  /** Reads the generated passphrase, generating it first when the file does not exist. */
  public static Secret readOrCreate(Path dataDir) {
    Path file = of(dataDir);
    try {
      if (!Files.exists(file)) {
        KeyStoreFile.OwnerOnly.createDirectory(KeyStoreFile.parentOf(file));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        KeyStoreFile.OwnerOnly.createFile(file);
        Files.writeString(file, Base64.getEncoder().withoutPadding().encodeToString(bytes) + "\n");
      }
      return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new CryptoException("cannot read or create the key store passphrase " + file, e);
    }
  }
}
