package io.bulwark.server.engine;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * D2, the key store's passphrase: PASS from the environment or an owner-only file outside the data
 * directory; a passphrase lying beside the data (the generated development default, or a configured
 * file inside the data directory) is a WARN in dev and test and a FAIL in production, since a copy
 * of the data directory then carries its key.
 */
public final class D2KeyStorePassphraseCheck implements LocalCheck {

  static final String MOVE_IT =
      "put the passphrase in "
          + KeyStoreSettings.PASSPHRASE_ENV
          + " or in a chmod 600 file outside the data directory named by"
          + " bulwark.keystore.passphrase-file (the generated one is DATA_DIR/keys/passphrase;"
          + " move it, then delete it there)";

  private final Path dataDir;
  private final BulwarkProfile profile;
  private final DatabaseSettings database;
  private final KeyStoreSettings keyStore;
  private final Function<String, String> environment;

  public D2KeyStorePassphraseCheck(
      Path dataDir,
      BulwarkProfile profile,
      DatabaseSettings database,
      KeyStoreSettings keyStore,
      Function<String, String> environment) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.profile = profile;
    this.database = database;
    this.keyStore = keyStore;
    this.environment = environment;
  }

  @Override
  public String id() {
    return "D2";
  }

  @Override
  public Finding run() {
    if (database.external()) {
      return Finding.pass(id(), "external database: no embedded key store in use");
    }
    return switch (KeyStorePassphrase.source(keyStore, environment)) {
      case KMS ->
          Finding.pass(
              id(),
              "key store protected by a key-management key ("
                  + scheme(String.valueOf(keyStore.kmsKeyUri()))
                  + "): no passphrase lies beside the data");
      case ENVIRONMENT ->
          Finding.pass(
              id(),
              "key store passphrase from environment variable " + KeyStoreSettings.PASSPHRASE_ENV);
      case FILE -> fromFile(Objects.requireNonNull(keyStore.passphraseFile()));
      case GENERATED_BESIDE_DATA ->
          besideData("the key store passphrase was generated into the data directory");
    };
  }

  private Finding fromFile(Path file) {
    try {
      if (OwnerOnlyFile.exposedToOthers(file)) {
        return Finding.fail(
            id(),
            "key store passphrase file " + file + " has mode " + OwnerOnlyFile.mode(file),
            "run chmod 600 " + file);
      }
    } catch (IOException e) {
      return Finding.fail(id(), "cannot read the mode of " + file, "check the file");
    }
    if (file.startsWith(dataDir)) {
      return besideData("key store passphrase file " + file + " lies in the data directory");
    }
    return Finding.pass(id(), "key store passphrase from owner-only file " + file);
  }

  private static String scheme(String keyUri) {
    int colon = keyUri.indexOf(':');
    return colon > 0 ? keyUri.substring(0, colon) : "unnamed scheme";
  }

  private Finding besideData(String message) {
    String why = message + ", so a copy of the data directory carries its key";
    if (profile == BulwarkProfile.PRODUCTION) {
      return Finding.fail(id(), why + "; not acceptable in the production profile", MOVE_IT);
    }
    return Finding.warn(id(), why + "; acceptable in the " + profile + " profile only", MOVE_IT);
  }
}
