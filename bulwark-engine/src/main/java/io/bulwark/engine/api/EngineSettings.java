package io.bulwark.engine.api;

import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.api.spi.PasswordPolicy;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    Optional<ExternalDirectory> directory) {

  public EngineSettings {
    Objects.requireNonNull(historyLevel, "historyLevel");
    Objects.requireNonNull(jobExecutorActivation, "jobExecutorActivation");
    Objects.requireNonNull(jobExecutor, "jobExecutor");
    Objects.requireNonNull(loginThrottle, "loginThrottle");
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    Objects.requireNonNull(customPasswordPolicy, "customPasswordPolicy");
    Objects.requireNonNull(passwordRecovery, "passwordRecovery");
    Objects.requireNonNull(directory, "directory");
    allowedDelegateClasses = Set.copyOf(allowedDelegateClasses);
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
        Optional.empty());
  }

  public EngineSettings withHistoryLevel(HistoryLevel level) {
    return new EngineSettings(
        level,
        allowedDelegateClasses,
        jobExecutorActivation,
        jobExecutor,
        loginThrottle,
        passwordPolicy,
        customPasswordPolicy,
        passwordRecovery,
        directory);
  }

  public EngineSettings withAllowedDelegateClasses(Set<String> classNames) {
    return new EngineSettings(
        historyLevel,
        classNames,
        jobExecutorActivation,
        jobExecutor,
        loginThrottle,
        passwordPolicy,
        customPasswordPolicy,
        passwordRecovery,
        directory);
  }

  public EngineSettings withJobExecutorActivation(JobExecutorActivation activation) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        activation,
        jobExecutor,
        loginThrottle,
        passwordPolicy,
        customPasswordPolicy,
        passwordRecovery,
        directory);
  }

  public EngineSettings withJobExecutor(JobExecutorSettings settings) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        jobExecutorActivation,
        settings,
        loginThrottle,
        passwordPolicy,
        customPasswordPolicy,
        passwordRecovery,
        directory);
  }

  public EngineSettings withLoginThrottle(LoginThrottleSettings settings) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        jobExecutorActivation,
        jobExecutor,
        settings,
        passwordPolicy,
        customPasswordPolicy,
        passwordRecovery,
        directory);
  }

  public EngineSettings withPasswordPolicy(PasswordPolicySettings policy) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        jobExecutorActivation,
        jobExecutor,
        loginThrottle,
        policy,
        customPasswordPolicy,
        passwordRecovery,
        directory);
  }

  public EngineSettings withCustomPasswordPolicy(PasswordPolicy policy) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        jobExecutorActivation,
        jobExecutor,
        loginThrottle,
        passwordPolicy,
        Optional.of(policy),
        passwordRecovery,
        directory);
  }

  public EngineSettings withPasswordRecovery(PasswordRecoverySettings settings) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        jobExecutorActivation,
        jobExecutor,
        loginThrottle,
        passwordPolicy,
        customPasswordPolicy,
        settings,
        directory);
  }

  public EngineSettings withDirectory(ExternalDirectory external) {
    return new EngineSettings(
        historyLevel,
        allowedDelegateClasses,
        jobExecutorActivation,
        jobExecutor,
        loginThrottle,
        passwordPolicy,
        customPasswordPolicy,
        passwordRecovery,
        Optional.of(external));
  }
}
