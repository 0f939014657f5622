package io.bulwark.server.engine;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Secrets written in the configuration (D3). A setting whose name ends in {@code password}, {@code
 * passwd}, {@code passphrase} or {@code secret} may hold an encrypted value {@code {bulwark-aead}…}
 * (made by {@code ./bulwark admin config encrypt SETTING}): all of them are decrypted once, at
 * start-up, into memory, with the key store's key-encryption key; a value of another key store or
 * moved from another setting fails the start naming the setting, never the value. A plain-text
 * value in such a setting is listed for {@code doctor} (D3 FAIL), and a setting Bulwark reads
 * ({@link #value}) refuses it. Environment variables are not configuration here: the secrets'
 * environment variables stay an accepted source.
 */
public final class ConfigurationSecrets implements AutoCloseable {

  /** The database password as an encrypted setting. */
  public static final String DATABASE_PASSWORD = "bulwark.database.password";

  private static final String PREFIX = "{bulwark-aead}";

  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(password|passwd|passphrase|secret)$");

  /** Spring Boot's view of all sources together; its entries are already in the others. */
  private static final String ATTACHED_SOURCE = "configurationProperties";

  private final Map<String, Secret> decrypted;
  private final List<String> plainText;

  private ConfigurationSecrets(Map<String, Secret> decrypted, List<String> plainText) {
    this.decrypted = decrypted;
    this.plainText = List.copyOf(plainText);
  }

  /** None: for tests and tools without a configuration. */
  public static ConfigurationSecrets none() {
    return new ConfigurationSecrets(Map.of(), List.of());
  }

  /**
   * Finds the secret settings of {@code environment} and decrypts the encrypted ones.
   *
   * @param dataDir the data directory whose key store decrypts them
   * @param externalDatabase whether the engine's database is external: then only a configured
   *     passphrase or key-management key unlocks the key store
   * @throws IllegalStateException an encrypted value cannot be decrypted (names the setting)
   */
  public static ConfigurationSecrets read(
      ConfigurableEnvironment environment,
      Path dataDir,
      KeyStoreSettings keyStore,
      boolean externalDatabase,
      Function<String, String> variables) {
    Map<String, String> encrypted = new LinkedHashMap<>();
    List<String> plainText = new ArrayList<>();
    collect(environment, encrypted, plainText);
    if (encrypted.isEmpty()) {
      return new ConfigurationSecrets(Map.of(), plainText);
    }
    String first = encrypted.keySet().iterator().next();
    if (externalDatabase
        && KeyStorePassphrase.source(keyStore, variables)
            == KeyStorePassphrase.Source.GENERATED_BESIDE_DATA) {
      throw new IllegalStateException(
          "the setting "
              + first
              + " is encrypted, but no key store passphrase (bulwark.keystore.passphrase-file or "
              + KeyStoreSettings.PASSPHRASE_ENV
              + ") or key-management key (bulwark.keystore.kms-key-uri) is configured to decrypt"
              + " it (D3)");
    }
    EmbeddedStorageAdmin keys =
        KeyStorePassphrase.embedded(BulwarkEngine.builder(), dataDir, keyStore, variables)
            .embeddedAdmin();
    Map<String, Secret> decrypted = new LinkedHashMap<>();
    encrypted.forEach((name, value) -> decrypted.put(name, keys.decryptSetting(name, value)));
    return new ConfigurationSecrets(decrypted, plainText);
  }

  /** The secret settings, the first source that names one winning, as Spring resolves them. */
  private static void collect(
      ConfigurableEnvironment environment, Map<String, String> encrypted, List<String> plainText) {
    List<String> seen = new ArrayList<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> names)
          || source.getName().equals(ATTACHED_SOURCE)
          || source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
        continue;
      }
      for (String name : names.getPropertyNames()) {
        if (!isSecretName(name) || seen.contains(name)) {
          continue;
        }
        seen.add(name);
        String value = String.valueOf(source.getProperty(name)).strip();
        if (value.startsWith(PREFIX)) {
          encrypted.put(name, value);
        } else if (!value.isEmpty() && !isReference(value)) {
          plainText.add(name);
        }
      }
    }
  }

  /**
   * Whether a setting's name says it holds a secret: one of Bulwark's settings ({@code bulwark.…})
   * whose last part ends so. Other names (a library's system properties, such as a test mail
   * server's key store password) are not Bulwark's configuration.
   */
  static boolean isSecretName(String name) {
    if (!name.startsWith("bulwark.")) {
      return false;
    }
    String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return SECRET_NAME.matcher(last).matches();
  }

  /** A value that only names another source, {@code ${VARIABLE}}: not a secret in clear. */
  private static boolean isReference(String value) {
    return value.startsWith("${")
        && value.endsWith("}")
        && value.indexOf('}') == value.length() - 1;
  }

  /**
   * The decrypted value of the encrypted setting {@code setting}; empty when it is not set.
   *
   * @throws IllegalStateException the setting holds plain text
   */
  public Optional<Secret> value(String setting) {
    if (plainText.contains(setting)) {
      throw new IllegalStateException(
          "the setting "
              + setting
              + " holds a secret in plain text: encrypt it with ./bulwark admin config encrypt "
              + setting
              + " (the value on standard input), or use its file or environment variable (D3)");
    }
    Secret secret = decrypted.get(setting);
    if (secret == null) {
      return Optional.empty();
    }
    char[] copy = secret.reveal();
    try {
      return Optional.of(Secret.of(copy));
    } finally {
      java.util.Arrays.fill(copy, '\0');
    }
  }

  /** The secret settings that hold plain text, for doctor (D3). */
  public List<String> plainTextSettings() {
    return plainText;
  }

  /** The secret settings that hold encrypted values, decrypted at start-up. */
  public List<String> encryptedSettings() {
    return List.copyOf(decrypted.keySet());
  }

  @Override
  public void close() {
    decrypted.values().forEach(Secret::clear);
  }
}
