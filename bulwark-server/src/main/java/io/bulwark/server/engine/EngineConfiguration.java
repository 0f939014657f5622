package io.bulwark.server.engine;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.server.config.ServerSettings;
import io.bulwark.server.doctor.DoctorMode;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the engine: embedded H2 under {@code bulwark.data-dir} by default, or the database of
 * {@code bulwark.database.url} with its password from a file or the environment (D3).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  DatabaseSettings.class,
  KeyStoreSettings.class,
  LoginThrottleProperties.class,
  PasswordSettings.class,
  PasswordRecoveryProperties.class,
  DelegateTopicsProperties.class,
  HistoryRetentionProperties.class
})
public class EngineConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EngineConfiguration.class);

  /** The encrypted settings, decrypted once at start-up (D3). */
  @Bean(destroyMethod = "close")
  public ConfigurationSecrets configurationSecrets(
      ConfigurableEnvironment environment,
      ServerSettings server,
      DatabaseSettings database,
      KeyStoreSettings keyStore) {
    ConfigurationSecrets secrets =
        ConfigurationSecrets.read(
            environment, server.dataDir(), keyStore, database.external(), System::getenv);
    if (!secrets.encryptedSettings().isEmpty()) {
      LOG.info("encrypted settings decrypted at start-up (D3): {}", secrets.encryptedSettings());
    }
    return secrets;
  }

  @Bean(destroyMethod = "close")
  public BulwarkEngine bulwarkEngine(
      ServerSettings server,
      ConfigurationSecrets secrets,
      DatabaseSettings database,
      KeyStoreSettings keyStore,
      LoginThrottleProperties throttle,
      PasswordSettings passwords,
      PasswordRecoveryProperties recovery,
      DelegateTopicsProperties delegateTopics,
      HistoryRetentionProperties history,
      ObjectProvider<ExternalDirectory> directory) {
    BulwarkEngineBuilder builder =
        BulwarkEngine.builder()
            .loginThrottle(throttle.engineSettings())
            .passwordPolicy(passwords.toEngine())
            .passwordRecovery(recovery.toEngine())
            .delegateTopics(delegateTopics.mappings())
            .historyRetention(history.toEngine());
    if (!delegateTopics.mappings().isEmpty()) {
      LOG.warn(
          "Java delegates of service tasks run as external tasks (doctor Z10 lists them): {}",
          delegateTopics.mappings());
    }
    directory.ifAvailable(builder::directory);
    passwords.pluggedEncoder().ifPresent(builder::passwordEncoder);
    if (!database.external()) {
      KeyStorePassphrase.Source source = KeyStorePassphrase.source(keyStore, System::getenv);
      LOG.info(
          "engine database: embedded H2 under {}, encrypted; key store passphrase: {}",
          server.dataDir().resolve("db"),
          source);
      return KeyStorePassphrase.embedded(builder, server.dataDir(), keyStore, System::getenv)
          .build();
    }
    // D1: on an external database the data directory's key store encrypts sensitive variables
    // when its passphrase is configured; without one, a sensitive variable is refused.
    Optional<Secret> fieldPassphrase = KeyStorePassphrase.read(keyStore, System::getenv);
    if (keyStore.kmsKeyUri() != null) {
      builder.fieldKeyStoreWithKms(server.dataDir(), keyStore.kmsKeyUri());
      LOG.info("sensitive variables: encrypted with the key store under {}", server.dataDir());
    } else if (fieldPassphrase.isPresent()) {
      try (Secret secret = fieldPassphrase.get()) {
        builder.fieldKeyStore(server.dataDir(), secret);
      }
      LOG.info("sensitive variables: encrypted with the key store under {}", server.dataDir());
    } else {
      LOG.warn(
          "sensitive variables: no key store passphrase configured, so variables marked sensitive"
              + " are refused on this database (D1)");
    }
    try (Secret password = DatabasePassword.read(database, secrets, System::getenv)) {
      LOG.info(
          "engine database: {} as {}", database.url().split("\\?", -1)[0], database.username());
      return builder.jdbc(database.url(), database.username(), password).build();
    }
  }

  /** Not in a {@code bulwark doctor} context: the audit only reads (O1). */
  @Bean
  @ConditionalOnProperty(
      name = DoctorMode.PROPERTY,
      havingValue = DoctorMode.SERVE,
      matchIfMissing = true)
  public InitialAdministratorBootstrap initialAdministratorBootstrap(
      BulwarkEngine engine, ServerSettings server) {
    return new InitialAdministratorBootstrap(engine.identityService(), server.dataDir());
  }

  @Bean
  public InitialPasswordCheck initialPasswordCheck(BulwarkEngine engine, ServerSettings server) {
    return new InitialPasswordCheck(engine.identityService(), server.dataDir());
  }

  @Bean
  public A3PasswordStorageCheck passwordStorageCheck(BulwarkEngine engine) {
    return new A3PasswordStorageCheck(engine.identityService());
  }

  @Bean
  public D1EmbeddedEncryptionCheck embeddedEncryptionCheck(
      ServerSettings server, DatabaseSettings database) {
    return new D1EmbeddedEncryptionCheck(server.dataDir(), database);
  }

  @Bean
  public D2KeyStorePassphraseCheck keyStorePassphraseCheck(
      ServerSettings server, DatabaseSettings database, KeyStoreSettings keyStore) {
    return new D2KeyStorePassphraseCheck(
        server.dataDir(), server.profile(), database, keyStore, System::getenv);
  }

  @Bean
  public Z10DelegateTopicsCheck delegateTopicsCheck(DelegateTopicsProperties delegateTopics) {
    return new Z10DelegateTopicsCheck(delegateTopics);
  }

  @Bean
  public A5LoginThrottleCheck loginThrottleCheck(LoginThrottleProperties throttle) {
    return new A5LoginThrottleCheck(throttle);
  }

  @Bean
  public A4PasswordPolicyCheck passwordPolicyCheck(BulwarkEngine engine) {
    return new A4PasswordPolicyCheck(engine.identityService());
  }

  @Bean
  public Z1GlobalGrantsCheck globalGrantsCheck(BulwarkEngine engine) {
    return new Z1GlobalGrantsCheck(
        engine.authorizationService(), engine.trustedApplication("bulwark-doctor"));
  }

  @Bean
  public A6UserCreationCheck userCreationCheck(BulwarkEngine engine) {
    return new A6UserCreationCheck(
        engine.authorizationService(), engine.trustedApplication("bulwark-doctor"));
  }

  @Bean
  public ModelPolicyCheck xmlParsingCheck(BulwarkEngine engine) {
    return new ModelPolicyCheck("E1", engine.repositoryService()::selfTestModelPolicy);
  }

  @Bean
  public ModelPolicyCheck expressionPolicyCheck(BulwarkEngine engine) {
    return new ModelPolicyCheck("E2", engine.repositoryService()::selfTestModelPolicy);
  }

  @Bean
  public ModelPolicyCheck scriptPolicyCheck(BulwarkEngine engine) {
    return new ModelPolicyCheck("E3", engine.repositoryService()::selfTestModelPolicy);
  }

  @Bean
  public Z7InvalidIdsCheck invalidIdsCheck(BulwarkEngine engine) {
    return new Z7InvalidIdsCheck(engine.identityService());
  }

  @Bean
  public Z5AdministratorCheck administratorCheck(BulwarkEngine engine) {
    return new Z5AdministratorCheck(
        engine.authorizationService(),
        engine.identityService(),
        engine.trustedApplication("bulwark-doctor"));
  }

  @Bean
  public Z6DeletedIdsCheck deletedIdsCheck(BulwarkEngine engine) {
    return new Z6DeletedIdsCheck(
        engine.authorizationService(), engine.trustedApplication("bulwark-doctor"));
  }

  @Bean
  public Z8DirectGrantsCheck directGrantsCheck(BulwarkEngine engine) {
    return new Z8DirectGrantsCheck(
        engine.authorizationService(), engine.trustedApplication("bulwark-doctor"));
  }

  @Bean
  public D5HistoryRetentionCheck historyRetentionCheck(
      BulwarkEngine engine, HistoryRetentionProperties history) {
    return new D5HistoryRetentionCheck(
        engine.historyService(),
        engine.trustedApplication("bulwark-doctor"),
        history.cleanupBatchSize(),
        Clock.systemUTC());
  }

  @Bean
  public D4AuditLogCheck auditLogCheck(BulwarkEngine engine) {
    return new D4AuditLogCheck(engine.auditService(), engine.trustedApplication("bulwark-doctor"));
  }

  @Bean
  public DatabasePasswordFileCheck databasePasswordFileCheck(
      DatabaseSettings database, ConfigurationSecrets secrets) {
    return new DatabasePasswordFileCheck(database, secrets);
  }
}
