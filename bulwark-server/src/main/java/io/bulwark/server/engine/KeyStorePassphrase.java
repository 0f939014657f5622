package io.bulwark.server.engine;

import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.Secret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What protects the key store (D2): a key-management key, the passphrase the operator configured,
 * or the generated development default.
 */
public final class KeyStorePassphrase {

  private KeyStorePassphrase() {}

  /** Where the passphrase comes from, for logs and doctor. */
  public enum Source {
    KMS,
    FILE,
    ENVIRONMENT,
    GENERATED_BESIDE_DATA
  }

  public static Source source(KeyStoreSettings settings, Function<String, String> environment) {
    if (settings.kmsKeyUri() != null) {
      return Source.KMS;
    }
    if (settings.passphraseFile() != null) {
      return Source.FILE;
    }
    String fromEnv = environment.apply(KeyStoreSettings.PASSPHRASE_ENV);
    return fromEnv != null && !fromEnv.isEmpty()
        ? Source.ENVIRONMENT
        : Source.GENERATED_BESIDE_DATA;
  }

  /** The configured passphrase; empty for the generated development default. */
  public static Optional<Secret> read(
      KeyStoreSettings settings, Function<String, String> environment) {
    return switch (source(settings, environment)) {
      case FILE ->
          Optional.of(
              DatabasePassword.readSecretFile(
                  Objects.requireNonNull(settings.passphraseFile()), "key store passphrase file"));
      case ENVIRONMENT ->
          Optional.of(Secret.of(environment.apply(KeyStoreSettings.PASSPHRASE_ENV)));
      case KMS, GENERATED_BESIDE_DATA -> Optional.empty();
    };
  }

  /** Chooses embedded storage on {@code builder}, its key store protected as configured. */
  public static BulwarkEngineBuilder embedded(
      BulwarkEngineBuilder builder,
      Path dataDir,
      KeyStoreSettings settings,
      Function<String, String> environment) {
    if (settings.kmsKeyUri() != null) {
      return builder.embeddedWithKms(dataDir, settings.kmsKeyUri());
    }
    Optional<Secret> passphrase = read(settings, environment);
    if (passphrase.isEmpty()) {
      return builder.embedded(dataDir);
    }
    try (Secret secret = passphrase.get()) {
      return builder.embedded(dataDir, secret);
    }
  }
}
