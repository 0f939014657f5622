package io.bulwark.server.engine;

import io.bulwark.engine.api.Secret;
import java.util.Optional;
import java.util.function.Function;

/** The key store passphrase the operator configured (D2); empty for the development default. */
public final class KeyStorePassphrase {

  private KeyStorePassphrase() {}

  /** Where the passphrase comes from, for logs and doctor. */
  public enum Source {
    FILE,
    ENVIRONMENT,
    GENERATED_BESIDE_DATA
  }

  public static Source source(KeyStoreSettings settings, Function<String, String> environment) {
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
                  settings.passphraseFile(), "key store passphrase file"));
      case ENVIRONMENT ->
          Optional.of(Secret.of(environment.apply(KeyStoreSettings.PASSPHRASE_ENV)));
      case GENERATED_BESIDE_DATA -> Optional.empty();
    };
  }
}
