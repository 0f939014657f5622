package io.bulwark.server.engine;

import io.bulwark.engine.api.HistoryRetentionSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * History retention (D5), bound from {@code bulwark.history.*}. A value outside its range refuses
 * to start, naming the setting; there is no "keep forever".
 *
 * @param retention how long the history of an ended instance is kept when its model names no {@code
 *     camunda:historyTimeToLive} (default 180 days; 0 to 3650 days)
 * @param cleanupInterval the pause of the clean-up job when it found less than a full batch
 *     (default 1 hour; 1 minute to 1 day)
 * @param cleanupBatchSize instances removed per transaction (default 100; 1 to 1000)
 */
@ConfigurationProperties("bulwark.history")
public record HistoryRetentionProperties(
    @DefaultValue("P180D") Duration retention,
    @DefaultValue("PT1H") Duration cleanupInterval,
    @DefaultValue("100") int cleanupBatchSize) {

  public HistoryRetentionProperties {
    try {
      new HistoryRetentionSettings(retention, cleanupInterval, cleanupBatchSize);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bulwark.history: " + e.getMessage(), e);
    }
  }

  /** The engine's settings. */
  public HistoryRetentionSettings toEngine() {
    return new HistoryRetentionSettings(retention, cleanupInterval, cleanupBatchSize);
  }
}
