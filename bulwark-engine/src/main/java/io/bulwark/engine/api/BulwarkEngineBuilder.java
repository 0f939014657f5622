package io.bulwark.engine.api;

import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.api.spi.KeyManagementService;
import io.bulwark.engine.api.spi.PasswordEncoder;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.engine.bootstrap.EngineBootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Builds a {@link BulwarkEngine}. Exactly one storage must be chosen: {@link #dataSource}, {@link
 * #embedded} or {@link #jdbc}. {@link #build()} migrates the schema and starts the engine.
 *
 * <p>This is the one class of the API that reaches into the engine's internals: {@link #build()}
 * delegates to {@code io.bulwark.engine.bootstrap.EngineBootstrap}, the single documented entry
 * point (named as the one exception in ArchitectureTest), so that no service locator is needed.
 */
public final class BulwarkEngineBuilder {

  private final List<EngineStorage> storages = new ArrayList<>();
  private EngineSettings settings = EngineSettings.defaults();

  BulwarkEngineBuilder() {}

  /** Uses a data source owned by the application. */
  public BulwarkEngineBuilder dataSource(DataSource dataSource) {
    storages.add(new EngineStorage.External(dataSource));
    return this;
  }

  /**
   * Uses embedded H2 in file mode under {@code dataDir/db/bulwark}, encrypted (D1) with a key from
   * the local key store, whose passphrase is generated into {@code dataDir/keys/passphrase} on
   * first use (development default: the key lies beside the data).
   */
  public BulwarkEngineBuilder embedded(Path dataDir) {
    storages.add(new EngineStorage.Embedded(dataDir));
    return this;
  }

  /**
   * Uses embedded H2 as {@link #embedded(Path)}, with the key store's passphrase from the caller
   * (the environment or a file outside the data directory); the engine keeps its own copy.
   */
  public BulwarkEngineBuilder embedded(Path dataDir, Secret keyStorePassphrase) {
    storages.add(new EngineStorage.Embedded(dataDir, Secret.of(keyStorePassphrase.reveal())));
    return this;
  }

  /**
   * Uses embedded H2 as {@link #embedded(Path)}, the key store protected by the key {@code
   * kmsKeyUri} of a {@link KeyManagementService} plug-in on the class path instead of a passphrase
   * (D2).
   */
  public BulwarkEngineBuilder embeddedWithKms(Path dataDir, String kmsKeyUri) {
    storages.add(new EngineStorage.Embedded(dataDir, null, kmsKeyUri));
    return this;
  }

  /**
   * Offline administration of the embedded storage chosen with {@link #embedded}: encrypting an old
   * unencrypted database, listing, rotating and destroying keys. No engine may run on the data
   * directory meanwhile (the database file is locked while one does).
   */
  public EmbeddedStorageAdmin embeddedAdmin() {
    EngineStorage storage = singleStorage();
    if (!(storage instanceof EngineStorage.Embedded embedded)) {
      throw ValidationException.of(
          "storage", "embedded", "key and database administration needs the embedded storage");
    }
    return EngineBootstrap.embeddedAdmin(embedded);
  }

  /** Uses a JDBC URL with a user and password; the engine pools connections. */
  public BulwarkEngineBuilder jdbc(String url, String username, Secret password) {
    storages.add(new EngineStorage.Jdbc(url, username, password));
    return this;
  }

  /** What history is written; default {@link HistoryLevel#AUDIT}. */
  public BulwarkEngineBuilder historyLevel(HistoryLevel level) {
    settings = settings.withHistoryLevel(level);
    return this;
  }

  /**
   * How long history is kept and how it is cleaned up (D5); default {@link
   * HistoryRetentionSettings#defaults()}: 180 days, unless a model names its {@code
   * camunda:historyTimeToLive}.
   */
  public BulwarkEngineBuilder historyRetention(HistoryRetentionSettings retention) {
    settings = settings.withHistoryRetention(retention);
    return this;
  }

  /**
   * Maps the {@code camunda:class} or {@code camunda:delegateExpression} of service tasks to
   * external task topics, so that Camunda models with Java delegates deploy unchanged and workers
   * do their work (issue 16); default none.
   */
  public BulwarkEngineBuilder delegateTopics(java.util.Map<String, String> topics) {
    settings = settings.withDelegateTopics(topics);
    return this;
  }

  /** Java delegate classes service tasks may name (Z10); default none. */
  public BulwarkEngineBuilder allowedDelegateClasses(Set<String> classNames) {
    settings = settings.withAllowedDelegateClasses(classNames);
    return this;
  }

  /** Whether this node runs jobs; default {@link JobExecutorActivation#ON}. */
  public BulwarkEngineBuilder jobExecutor(JobExecutorActivation activation) {
    settings = settings.withJobExecutorActivation(activation);
    return this;
  }

  /** Threads, polling, lock duration and retries of the job executor (O5). */
  public BulwarkEngineBuilder jobExecutorSettings(JobExecutorSettings jobExecutor) {
    settings = settings.withJobExecutor(jobExecutor);
    return this;
  }

  /** The login throttle's limits (A5); default {@link LoginThrottleSettings#defaults()}. */
  public BulwarkEngineBuilder loginThrottle(LoginThrottleSettings loginThrottle) {
    settings = settings.withLoginThrottle(loginThrottle);
    return this;
  }

  /** The built-in password policy's settings (A4); default the baseline. */
  public BulwarkEngineBuilder passwordPolicy(PasswordPolicySettings policy) {
    settings = settings.withPasswordPolicy(policy);
    return this;
  }

  /**
   * Replaces the built-in password policy (A4) with a custom one; {@code doctor} FAILs when it
   * accepts a password the baseline refuses.
   */
  public BulwarkEngineBuilder passwordPolicy(PasswordPolicy custom) {
    settings = settings.withCustomPasswordPolicy(custom);
    return this;
  }

  /**
   * Makes new password hashes with a plugged encoder instead of the built-in Argon2id (A3); stored
   * values of the built-in schemes still verify and are re-hashed with it at their user's next
   * successful sign-in. {@code doctor} reports a plugged encoder as a WARN: it cannot measure the
   * encoder's strength.
   */
  public BulwarkEngineBuilder passwordEncoder(PasswordEncoder encoder) {
    settings = settings.withPasswordEncoder(encoder);
    return this;
  }

  /**
   * The limits of password recovery by e-mail (A11); default {@link
   * PasswordRecoverySettings#defaults()}.
   */
  public BulwarkEngineBuilder passwordRecovery(PasswordRecoverySettings recovery) {
    settings = settings.withPasswordRecovery(recovery);
    return this;
  }

  /**
   * Adds a read-only directory of users and groups, such as LDAP (A8): users the database does not
   * hold are looked up there, sign in with the directory's password check, and take their groups
   * from it; they cannot be changed through Bulwark.
   */
  public BulwarkEngineBuilder directory(ExternalDirectory directory) {
    settings = settings.withDirectory(directory);
    return this;
  }

  /**
   * Variable names sensitive in every process (D1): stored encrypted with the key store's key set,
   * answered in clear only to callers allowed READ_VARIABLE, masked in history. Models mark more
   * with the process property {@code bulwark:sensitiveVariables}. Default none.
   */
  public BulwarkEngineBuilder sensitiveVariables(Set<String> names) {
    settings = settings.withSensitiveVariables(names);
    return this;
  }

  /**
   * The key store that encrypts sensitive variables when the storage is {@link #dataSource} or
   * {@link #jdbc} (D1, D2): {@code dir/keys/keystore.properties}, created on first use. Without it
   * such an engine refuses to store a sensitive variable. The embedded storage uses its own.
   */
  public BulwarkEngineBuilder fieldKeyStore(Path dir, Secret passphrase) {
    settings = settings.withFieldKeyStore(new FieldKeyStore(dir, Secret.of(passphrase.reveal())));
    return this;
  }

  /**
   * As {@link #fieldKeyStore(Path, Secret)}, the key store locked by the key {@code kmsKeyUri} of a
   * {@link KeyManagementService} plug-in on the class path (D2).
   */
  public BulwarkEngineBuilder fieldKeyStoreWithKms(Path dir, String kmsKeyUri) {
    settings = settings.withFieldKeyStore(new FieldKeyStore(dir, null, kmsKeyUri));
    return this;
  }

  /**
   * Validates the settings, migrates the database and starts the engine.
   *
   * @throws ValidationException no storage or more than one was chosen, or a value is invalid
   */
  public BulwarkEngine build() {
    EngineStorage storage = singleStorage();
    if (storage instanceof EngineStorage.Jdbc jdbc && !jdbc.url().startsWith("jdbc:")) {
      throw ValidationException.of(
          "storage.url", "jdbc-url", "invalid database URL; it must start with jdbc:");
    }
    return EngineBootstrap.start(storage, settings, new PrincipalIssuer());
  }

  private EngineStorage singleStorage() {
    if (storages.size() != 1) {
      throw ValidationException.of(
          "storage",
          "exactly-one",
          "choose exactly one storage (dataSource, embedded or jdbc); "
              + storages.size()
              + " given");
    }
    return storages.get(0);
  }
}
