package io.bulwark.engine.api;

import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.api.spi.PasswordEncoder;
import io.bulwark.engine.api.spi.PasswordPolicy;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's settings apart from storage, set on {@link BulwarkEngineBuilder}; every default is
 * the safe value.
 *
 * @param historyLevel what history is written (default {@link HistoryLevel#AUDIT})
 * @param allowedDelegateClasses Java delegate classes a service task may name (default none: only
 *     external tasks run code, Z10)
 * @param jobExecutorActivation whether this node runs jobs (default {@link
 *     JobExecutorActivation#ON})
 * @param jobExecutor the job executor's settings (default {@link JobExecutorSettings#defaults()})
 * @param loginThrottle the login throttle's limits (default {@link
 *     LoginThrottleSettings#defaults()}, A5)
 * @param passwordPolicy the built-in password policy's settings (default {@link
 *     PasswordPolicySettings#defaults()}, the A4 baseline)
 * @param customPasswordPolicy a policy that replaces the built-in one (default none)
 * @param passwordRecovery the limits of password recovery by e-mail (default {@link
 *     PasswordRecoverySettings#defaults()}, A11)
 * @param directory a read-only directory of further users and their groups, such as LDAP (default
 *     none: the database holds every user, A8)
 * @param passwordEncoder an encoder that replaces the built-in Argon2id one for new hashes (default
 *     none, A3)
 * @param delegateTopics {@code camunda:class} names or {@code camunda:delegateExpression} texts of
 *     service tasks mapped to external task topics (default none, issue 16)
 * @param historyRetention how long history is kept and how it is cleaned up (default {@link
 *     HistoryRetentionSettings#defaults()}, D5)
 * @param sensitiveVariables variable names sensitive in every process: stored encrypted, shown
 *     masked (default none; models mark more with {@code bulwark:sensitiveVariables}, D1)
 * @param fieldKeyStore the key store that encrypts sensitive variables on an external database
 *     (default none: a sensitive variable is refused there; the embedded storage has its own, D1)
 */
public record EngineSettings(
    HistoryLevel historyLevel,
    Set<String> allowedDelegateClasses,
    JobExecutorActivation jobExecutorActivation,
    JobExecutorSettings jobExecutor,
    LoginThrottleSettings loginThrottle,
    PasswordPolicySettings passwordPolicy,
    Optional<PasswordPolicy> customPasswordPolicy,
    PasswordRecoverySettings passwordRecovery,
    Optional<ExternalDirectory> directory,
    Optional<PasswordEncoder> passwordEncoder,
    Map<String, String> delegateTopics,
    HistoryRetentionSettings historyRetention,
    Set<String> sensitiveVariables,
    Optional<FieldKeyStore> fieldKeyStore) {

  public EngineSettings {
    Objects.requireNonNull(fieldKeyStore, "fieldKeyStore");
    sensitiveVariables = Set.copyOf(sensitiveVariables);
    Objects.requireNonNull(historyLevel, "historyLevel");
    Objects.requireNonNull(jobExecutorActivation, "jobExecutorActivation");
    Objects.requireNonNull(jobExecutor, "jobExecutor");
    Objects.requireNonNull(loginThrottle, "loginThrottle");
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    Objects.requireNonNull(customPasswordPolicy, "customPasswordPolicy");
    Objects.requireNonNull(passwordRecovery, "passwordRecovery");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(passwordEncoder, "passwordEncoder");
    Objects.requireNonNull(historyRetention, "historyRetention");
    passwordEncoder.ifPresent(PasswordEncoder::label);
    allowedDelegateClasses = Set.copyOf(allowedDelegateClasses);
    delegateTopics = Map.copyOf(delegateTopics);
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        HistoryLevel.AUDIT,
        Set.of(),
        JobExecutorActivation.ON,
        JobExecutorSettings.defaults(),
        LoginThrottleSettings.defaults(),
        PasswordPolicySettings.defaults(),
        Optional.empty(),
        PasswordRecoverySettings.defaults(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        HistoryRetentionSettings.defaults(),
        Set.of(),
        Optional.empty());
  }

  public EngineSettings withHistoryLevel(HistoryLevel level) {
    return with(c -> c.historyLevel = level);
  }

  public EngineSettings withAllowedDelegateClasses(Set<String> classNames) {
    return with(c -> c.allowedDelegateClasses = classNames);
  }

  public EngineSettings withDelegateTopics(Map<String, String> topics) {
    return with(c -> c.delegateTopics = topics);
  }

  public EngineSettings withJobExecutorActivation(JobExecutorActivation activation) {
    return with(c -> c.jobExecutorActivation = activation);
  }

  public EngineSettings withJobExecutor(JobExecutorSettings settings) {
    return with(c -> c.jobExecutor = settings);
  }

  public EngineSettings withLoginThrottle(LoginThrottleSettings settings) {
    return with(c -> c.loginThrottle = settings);
  }

  public EngineSettings withPasswordPolicy(PasswordPolicySettings policy) {
    return with(c -> c.passwordPolicy = policy);
  }

  public EngineSettings withCustomPasswordPolicy(PasswordPolicy policy) {
    return with(c -> c.customPasswordPolicy = Optional.of(policy));
  }

  public EngineSettings withPasswordRecovery(PasswordRecoverySettings settings) {
    return with(c -> c.passwordRecovery = settings);
  }

  public EngineSettings withDirectory(ExternalDirectory external) {
    return with(c -> c.directory = Optional.of(external));
  }

  public EngineSettings withPasswordEncoder(PasswordEncoder encoder) {
    return with(c -> c.passwordEncoder = Optional.of(encoder));
  }

  public EngineSettings withHistoryRetention(HistoryRetentionSettings settings) {
    return with(c -> c.historyRetention = settings);
  }

  public EngineSettings withSensitiveVariables(Set<String> names) {
    return with(c -> c.sensitiveVariables = names);
  }

  public EngineSettings withFieldKeyStore(FieldKeyStore keyStore) {
    return with(c -> c.fieldKeyStore = Optional.of(keyStore));
  }

  /** A copy with the changes {@code change} makes; the constructor validates the result. */
  private EngineSettings with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.settings();
  }

  /** The fields of a settings value, to change one or two of them. */
  private static final class Copy {
    HistoryLevel historyLevel;
    Set<String> allowedDelegateClasses;
    JobExecutorActivation jobExecutorActivation;
    JobExecutorSettings jobExecutor;
    LoginThrottleSettings loginThrottle;
    PasswordPolicySettings passwordPolicy;
    Optional<PasswordPolicy> customPasswordPolicy;
    PasswordRecoverySettings passwordRecovery;
    Optional<ExternalDirectory> directory;
    Optional<PasswordEncoder> passwordEncoder;
    Map<String, String> delegateTopics;
    HistoryRetentionSettings historyRetention;
    Set<String> sensitiveVariables;
    Optional<FieldKeyStore> fieldKeyStore;

    Copy(EngineSettings from) {
      historyLevel = from.historyLevel;
      allowedDelegateClasses = from.allowedDelegateClasses;
      jobExecutorActivation = from.jobExecutorActivation;
      jobExecutor = from.jobExecutor;
      loginThrottle = from.loginThrottle;
      passwordPolicy = from.passwordPolicy;
      customPasswordPolicy = from.customPasswordPolicy;
      passwordRecovery = from.passwordRecovery;
      directory = from.directory;
      passwordEncoder = from.passwordEncoder;
      delegateTopics = from.delegateTopics;
      historyRetention = from.historyRetention;
      sensitiveVariables = from.sensitiveVariables;
      fieldKeyStore = from.fieldKeyStore;
    }

    EngineSettings settings() {
      return new EngineSettings(
          historyLevel,
          allowedDelegateClasses,
          jobExecutorActivation,
          jobExecutor,
          loginThrottle,
          passwordPolicy,
          customPasswordPolicy,
          passwordRecovery,
          directory,
          passwordEncoder,
          delegateTopics,
          historyRetention,
          sensitiveVariables,
          fieldKeyStore);
    }
  }
}
