package io.bulwark.engine.bootstrap;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.EngineSettings;
import io.bulwark.engine.api.EngineStorage;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.PrincipalIssuer;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.PasswordEncoder;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.engine.audit.DatabaseAuditService;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.AuditSigner;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.crypto.LookupHash;
import io.bulwark.engine.deployment.DefaultRepositoryService;
import io.bulwark.engine.dmn.DefaultDecisionService;
import io.bulwark.engine.externaltask.EngineExternalTaskService;
import io.bulwark.engine.externaltask.ExternalTaskSettings;
import io.bulwark.engine.grant.DefaultAuthorizationService;
import io.bulwark.engine.history.DefaultHistoryService;
import io.bulwark.engine.history.HistoryCleanupJob;
import io.bulwark.engine.history.ScheduleHistoryCleanupCommand;
import io.bulwark.engine.identity.BaselinePasswordPolicy;
import io.bulwark.engine.identity.DatabaseAccessTokenService;
import io.bulwark.engine.identity.DatabaseIdentityService;
import io.bulwark.engine.identity.DatabasePasswordRecoveryService;
import io.bulwark.engine.identity.DatabaseSessionService;
import io.bulwark.engine.identity.DirectoryIdentityService;
import io.bulwark.engine.identity.UserEmails;
import io.bulwark.engine.identity.throttle.DatabaseLoginThrottleService;
import io.bulwark.engine.instance.DefaultRuntimeService;
import io.bulwark.engine.job.EngineManagementService;
import io.bulwark.engine.job.JobExecutor;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.job.JobHandlers;
import io.bulwark.engine.job.JobScheduler;
import io.bulwark.engine.keys.EngineKeyService;
import io.bulwark.engine.keys.KeySetSync;
import io.bulwark.engine.location.DatabaseLocationRuleService;
import io.bulwark.engine.persistence.Database;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeExternalTaskHandler;
import io.bulwark.engine.runtime.RuntimeJobHandlers;
import io.bulwark.engine.runtime.RuntimeSettings;
import io.bulwark.engine.task.DefaultTaskService;
import io.bulwark.engine.variable.KeySetFollowers;
import io.bulwark.engine.variable.ReencryptVariablesJob;
import io.bulwark.engine.variable.ScheduleReencryptionCommand;
import io.bulwark.engine.variable.SensitiveFields;
import io.bulwark.engine.variable.SensitiveScreen;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database, migrates it and assembles ONE engine: one command executor, one process
 * runtime, one job executor, and the services over them.
 */
public final class EngineBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(EngineBootstrap.class);

  private EngineBootstrap() {}

  /** Called only by {@code BulwarkEngineBuilder.build()}, after it validated the storage. */
  public static BulwarkEngine start(
      EngineStorage storage, EngineSettings settings, PrincipalIssuer issuer) {
    Optional<LocalKeyStore> keys =
        storage instanceof EngineStorage.Embedded embedded
            ? Optional.of(EmbeddedKeys.open(embedded))
            : Optional.empty();
    Database database = open(storage, keys);
    try {
      Optional<LocalKeyStore> fieldKeys = keys.isPresent() ? keys : fieldKeyStore(settings);
      SensitiveFields sensitive =
          new SensitiveFields(
              fieldKeys.map(LocalKeyStore::fieldCipher), settings.sensitiveVariables());
      return assemble(
          database,
          settings,
          issuer,
          keys.map(EngineBootstrap::auditSigner),
          sensitive,
          userEmails(fieldKeys),
          fieldKeys);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Users' e-mail addresses: encrypted with the key store's keys when there is one (D1). */
  private static UserEmails userEmails(Optional<LocalKeyStore> keys) {
    if (keys.isEmpty()) {
      return UserEmails.clear();
    }
    try (Secret lookup = keys.get().lookupHashKeyset()) {
      return new UserEmails(
          Optional.of(keys.get().fieldCipher()), Optional.of(LookupHash.of(lookup)));
    }
  }

  /** Called only by {@code BulwarkEngineBuilder.embeddedAdmin()}. */
  public static EmbeddedStorageAdmin embeddedAdmin(EngineStorage.Embedded storage) {
    return new EmbeddedAdministration(storage, Clock.systemUTC());
  }

  /** The key store for sensitive variables on an external database, when one is configured. */
  private static Optional<LocalKeyStore> fieldKeyStore(EngineSettings settings) {
    return settings
        .fieldKeyStore()
        .map(
            store -> {
              Secret given = store.passphrase();
              if (given == null) {
                return LocalKeyStore.openOrCreateWithKms(
                    store.dir(), Objects.requireNonNull(store.kmsKeyUri()));
              }
              try (Secret passphrase = Secret.of(given.reveal())) {
                return LocalKeyStore.openOrCreate(store.dir(), passphrase);
              }
            });
  }

  /** The audit log's checkpoint signer, from the key store (D4). */
  private static AuditSigner auditSigner(LocalKeyStore keys) {
    try (Secret keyset = keys.auditSigningKeyset()) {
      return AuditSigner.of(keyset);
    }
  }

  private static BulwarkEngine assemble(
      Database database,
      EngineSettings settings,
      PrincipalIssuer issuer,
      Optional<AuditSigner> auditSigner,
      SensitiveFields sensitive,
      UserEmails emails,
      Optional<LocalKeyStore> keys) {
    Clock clock = Clock.systemUTC();
    // Z1, Z2: every command declares its Requirement and the executor checks it against the stored
    // grants; there is no switch to turn this off.
    CommandExecutor commands =
        new CommandExecutor(database.dataSource(), new GrantChecker(), clock, issuer);
    // D2: the nodes of one database follow each other's rotations and destroys.
    Optional<KeySetSync> keySetSync = keys.map(k -> KeySetSync.start(commands, k, clock));
    AtomicReference<JobExecutor> executorRef = new AtomicReference<>();
    JobScheduler scheduler =
        new JobScheduler(
            settings.jobExecutor(),
            () -> {
              JobExecutor executor = executorRef.get();
              if (executor != null) {
                executor.hintJobsDue();
              }
            });
    ProcessRuntime runtime = new ProcessRuntime(runtimeSettings(settings), scheduler, sensitive);
    List<JobHandler> jobTypes = new ArrayList<>(RuntimeJobHandlers.of(runtime));
    jobTypes.add(new HistoryCleanupJob(settings.historyRetention(), scheduler));
    jobTypes.add(
        new ReencryptVariablesJob(
            sensitive,
            scheduler,
            keySetSync.<KeySetFollowers>map(s -> s).orElse(KeySetFollowers.ALONE)));
    JobHandlers handlers = JobHandlers.of(jobTypes);
    SensitiveScreen screen = new SensitiveScreen(sensitive);
    JobExecutor jobExecutor = new JobExecutor(commands, handlers, settings.jobExecutor(), screen);
    executorRef.set(jobExecutor);
    PasswordPolicy policy = passwordPolicy(settings);
    ScheduleReencryptionCommand reencryption =
        new ScheduleReencryptionCommand(sensitive, scheduler);
    RunningEngine engine =
        new RunningEngine(
            database,
            jobExecutor,
            new DefaultRepositoryService(commands, runtime),
            new DefaultRuntimeService(commands, runtime),
            new DefaultDecisionService(
                commands, runtime.decisions(), runtime.values(), runtime.javaValues()),
            new DefaultTaskService(commands, runtime),
            new DefaultHistoryService(commands, runtime.javaValues(), settings.historyRetention()),
            new EngineExternalTaskService(
                commands,
                new RuntimeExternalTaskHandler(runtime),
                ExternalTaskSettings.defaults(),
                runtime.values(),
                runtime.externalTaskSignal(),
                sensitive),
            new EngineManagementService(commands, handlers, settings.jobExecutor(), screen),
            identityService(
                settings,
                new DatabaseIdentityService(
                    commands, clock, policy, passwordEncoder(settings), emails),
                commands),
            new DatabaseAccessTokenService(commands, clock, settings.directory()),
            new DatabaseLoginThrottleService(commands, settings.loginThrottle()),
            new DatabasePasswordRecoveryService(
                commands, policy, settings.passwordEncoder(), settings.passwordRecovery(), emails),
            new DatabaseSessionService(commands),
            new DatabaseAuditService(commands, auditSigner),
            new EngineKeyService(commands, keys, emails, reencryption, keySetSync),
            new DefaultAuthorizationService(commands),
            new DatabaseLocationRuleService(commands),
            issuer,
            keySetSync);
    // D5: one clean-up job per database, made by whichever node starts first.
    commands.execute(Actor.system("history-cleanup"), new ScheduleHistoryCleanupCommand(scheduler));
    // D1, D2: addresses in clear or under an older key are encrypted with the primary, in batches.
    int addresses = emails.encryptStored(commands);
    if (addresses > 0) {
      LOG.info("encrypted {} stored e-mail addresses with the primary key (D1)", addresses);
    }
    // D2: values still under a key that is no longer primary are re-encrypted in the background.
    commands.execute(Actor.system(ReencryptVariablesJob.TYPE), reencryption);
    if (settings.jobExecutorActivation() == JobExecutorActivation.ON) {
      jobExecutor.start();
    } else {
      LOG.info("Job executor is off on this node: jobs wait for another node or executeJob");
    }
    return engine;
  }

  /** The database's identity service, or it and the configured directory in front of it (A8). */
  private static IdentityService identityService(
      EngineSettings settings, DatabaseIdentityService database, CommandExecutor commands) {
    if (settings.directory().isEmpty()) {
      return database;
    }
    LOG.info("identity: database users, then directory {} (A8)", settings.directory().get().name());
    return new DirectoryIdentityService(database, settings.directory().get(), commands);
  }

  /** The custom policy if one is set, else the built-in one; a weakened one is logged (A4). */
  private static Optional<PasswordEncoder> passwordEncoder(EngineSettings settings) {
    settings
        .passwordEncoder()
        .ifPresent(
            encoder ->
                LOG.warn(
                    "password encoder: plugged {} (scheme {}) instead of the built-in Argon2id;"
                        + " doctor reports WARN (A3)",
                    encoder.getClass().getName(),
                    encoder.scheme()));
    return settings.passwordEncoder();
  }

  private static PasswordPolicy passwordPolicy(EngineSettings settings) {
    if (settings.customPasswordPolicy().isPresent()) {
      PasswordPolicy custom = settings.customPasswordPolicy().get();
      LOG.info("password policy: custom {} (A4)", custom.getClass().getName());
      return custom;
    }
    if (!settings.passwordPolicy().meetsBaseline()) {
      LOG.warn(
          "password policy weaker than the baseline (A4): {}; doctor reports FAIL",
          settings.passwordPolicy());
    }
    return new BaselinePasswordPolicy(settings.passwordPolicy());
  }

  private static RuntimeSettings runtimeSettings(EngineSettings settings) {
    ParseOptions parse =
        ParseOptions.builder()
            .allowedDelegateClasses(settings.allowedDelegateClasses())
            .delegateTopics(settings.delegateTopics())
            .build();
    return RuntimeSettings.defaults()
        .withHistoryLevel(settings.historyLevel())
        .withParseOptions(parse);
  }

  private static Database open(EngineStorage storage, Optional<LocalKeyStore> keys) {
    if (storage instanceof EngineStorage.External external) {
      return Database.external(external.dataSource());
    }
    if (storage instanceof EngineStorage.Embedded embedded) {
      try (Secret filePassword = keys.orElseThrow().databaseFilePassword()) {
        return Database.embedded(embedded.dataDir(), filePassword);
      }
    }
    EngineStorage.Jdbc jdbc = (EngineStorage.Jdbc) storage;
    char[] password = jdbc.password().reveal();
    try {
      return Database.jdbc(jdbc.url(), jdbc.username(), password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
