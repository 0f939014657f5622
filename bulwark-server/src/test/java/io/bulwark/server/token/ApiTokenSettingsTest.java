package io.bulwark.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bulwark.server.BulwarkServerApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

class ApiTokenSettingsTest {

  @Test
  void a9_tokenLifetimeDefaultsToFifteenMinutes() {
    assertThat(bind(Map.of()).tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void a9_tokensAreBoundToTheirClientAddressUnlessTheRelaxationIsNamed() {
    assertThat(bind(Map.of()).allowInsecureUnboundTokens()).isFalse();
    assertThat(
            bind(Map.of("bulwark.api.allow-insecure-unbound-tokens", "true"))
                .allowInsecureUnboundTokens())
        .isTrue();
  }

  @Test
  void a9_tokenLifetimeInRangeIsAccepted() {
    for (String lifetime : List.of("PT1M", "PT1H", "PT24H", "5m")) {
      assertThat(bind(Map.of("bulwark.api.token-lifetime", lifetime)).tokenLifetime())
          .as(lifetime)
          .isBetween(Duration.ofMinutes(1), Duration.ofHours(24));
    }
  }

  @Test
  void a9_tokenLifetimeOutOfRangeRefusesToStart() {
    for (String lifetime : List.of("PT59S", "PT0S", "-PT5M", "PT24H1S", "P7D")) {
      assertThatThrownBy(() -> bind(Map.of("bulwark.api.token-lifetime", lifetime)))
          .as(lifetime)
          .isInstanceOf(BindException.class)
          .rootCause()
          .hasMessageContaining("invalid bulwark.api.token-lifetime")
          .hasMessageContaining("must be PT1M to PT24H (A9)");
    }
  }

  @Test
  void a9_serverRefusesToStartWithTokenLifetimeOutOfRange(@TempDir Path dataDir) {
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(BulwarkServerApplication.class)
                    .run(
                        "--server.port=0",
                        "--bulwark.data-dir=" + dataDir,
                        "--bulwark.api.token-lifetime=PT30S")
                    .close());
    Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
    assertThat(root)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid bulwark.api.token-lifetime PT30S; must be PT1M to PT24H (A9)");
  }

  private static ApiTokenSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("bulwark.api", ApiTokenSettings.class);
  }
}
