package io.bulwark.engine.api;

import java.util.Objects;
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
 */
public record EngineSettings(
    HistoryLevel historyLevel,
    Set<String> allowedDelegateClasses,
    JobExecutorActivation jobExecutorActivation,
    JobExecutorSettings jobExecutor,
    LoginThrottleSettings loginThrottle) {

  public EngineSettings {
    Objects.requireNonNull(historyLevel, "historyLevel");
    Objects.requireNonNull(jobExecutorActivation, "jobExecutorActivation");
    Objects.requireNonNull(jobExecutor, "jobExecutor");
    Objects.requireNonNull(loginThrottle, "loginThrottle");
    allowedDelegateClasses = Set.copyOf(allowedDelegateClasses);
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        HistoryLevel.AUDIT,
        Set.of(),
        JobExecutorActivation.ON,
        JobExecutorSettings.defaults(),
        LoginThrottleSettings.defaults());
  }

  public EngineSettings withHistoryLevel(HistoryLevel level) {
    return new EngineSettings(
        level, allowedDelegateClasses, jobExecutorActivation, jobExecutor, loginThrottle);
  }

  public EngineSettings withAllowedDelegateClasses(Set<String> classNames) {
    return new EngineSettings(
        historyLevel, classNames, jobExecutorActivation, jobExecutor, loginThrottle);
  }

  public EngineSettings withJobExecutorActivation(JobExecutorActivation activation) {
    return new EngineSettings(
        historyLevel, allowedDelegateClasses, activation, jobExecutor, loginThrottle);
  }

  public EngineSettings withJobExecutor(JobExecutorSettings settings) {
    return new EngineSettings(
        historyLevel, allowedDelegateClasses, jobExecutorActivation, settings, loginThrottle);
  }

  public EngineSettings withLoginThrottle(LoginThrottleSettings settings) {
    return new EngineSettings(
        historyLevel, allowedDelegateClasses, jobExecutorActivation, jobExecutor, settings);
  }
}
