package io.bulwark.server.token;

import io.bulwark.engine.api.AccessTokenService;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The integration API's access tokens (A9). Bound from {@code bulwark.api.*}; a value out of bounds
 * refuses to start.
 *
 * @param tokenLifetime how long an issued access token is accepted; default 15 minutes, 1 minute to
 *     24 hours
 * @param allowInsecureUnboundTokens {@code true} issues tokens usable from any client address
 *     (default {@code false}: a token is bound to the address it was issued to and refused from any
 *     other, A9); logged at start and a doctor WARN
 */
@ConfigurationProperties("bulwark.api")
public record ApiTokenSettings(
    @DefaultValue("PT15M") Duration tokenLifetime,
    @DefaultValue("false") boolean allowInsecureUnboundTokens) {

  public ApiTokenSettings {
    if (tokenLifetime.compareTo(AccessTokenService.MIN_LIFETIME) < 0
        || tokenLifetime.compareTo(AccessTokenService.MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.token-lifetime " + tokenLifetime + "; must be PT1M to PT24H (A9)");
    }
  }
}
