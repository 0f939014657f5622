package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SessionSettingsTest {

  @Test
  void a10_defaultsAreThirtyMinutesIdleAndEightHoursAbsolute() {
    SessionSettings settings = bind(new MapConfigurationPropertySource());

    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
    assertThat(settings.lastUsedInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a10_lastUsedIntervalOutOfBoundsRefusesToStart() {
    Duration hour = Duration.ofHours(1);
    Duration day = Duration.ofDays(1);
    assertThatThrownBy(() -> new SessionSettings(hour, day, Duration.ZERO))
        .hasMessageContaining("bulwark.session.last-used-interval PT0S");
    assertThatThrownBy(() -> new SessionSettings(hour, day, Duration.ofMinutes(11)))
        .hasMessageContaining("PT1S to PT10M");
  }

  @Test
  void a10_idleTimeoutOutOfBoundsRefusesToStart() {
    assertThatThrownBy(
            () ->
                new SessionSettings(
                    Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofMinutes(1)))
        .hasMessageContaining("bulwark.session.idle-timeout PT5S");
    assertThatThrownBy(
            () ->
                new SessionSettings(
                    Duration.ofHours(13), Duration.ofDays(1), Duration.ofMinutes(1)))
        .hasMessageContaining("PT1M to PT12H");
  }

  @Test
  void a10_absoluteTimeoutShorterThanIdleOrLongerThanAWeekRefusesToStart() {
    assertThatThrownBy(
            () ->
                new SessionSettings(
                    Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(1)))
        .hasMessageContaining("bulwark.session.absolute-timeout PT10M");
    assertThatThrownBy(
            () ->
                new SessionSettings(Duration.ofHours(1), Duration.ofDays(8), Duration.ofMinutes(1)))
        .hasMessageContaining("at most P7D");
  }

  private static SessionSettings bind(MapConfigurationPropertySource source) {
    return new Binder(source).bindOrCreate("bulwark.session", SessionSettings.class);
  }
}
