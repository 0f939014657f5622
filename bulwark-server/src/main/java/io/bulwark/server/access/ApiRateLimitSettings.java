package io.bulwark.server.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits of the integration API (W14), bound from {@code bulwark.api.rate-limit.*}; a
 * value out of bounds refuses to start. Each endpoint group ({@code /engine-rest/<group>/…}) has
 * its own budget per principal and per client address: a worker polling external tasks does not use
 * up its budget for tasks. A bucket holds two seconds' worth of requests, so short bursts pass.
 *
 * @param perPrincipal requests per second one authenticated user may make to one endpoint group;
 *     default 100, 1 to 100000
 * @param perAddress requests per second one client address (an IPv6 address counts as its /64) may
 *     make to one endpoint group, authenticated or not; default 200, 1 to 100000
 * @param allowInsecureOff {@code true} switches the limits off: logged at start and a doctor FAIL
 */
@ConfigurationProperties("bulwark.api.rate-limit")
public record ApiRateLimitSettings(
    @DefaultValue("100") int perPrincipal,
    @DefaultValue("200") int perAddress,
    @DefaultValue("false") boolean allowInsecureOff) {

  public ApiRateLimitSettings {
    if (perPrincipal < 1 || perPrincipal > 100_000) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.rate-limit.per-principal "
              + perPrincipal
              + "; must be 1 to 100000 (W14)");
    }
    if (perAddress < 1 || perAddress > 100_000) {
      throw new IllegalArgumentException(
          "invalid bulwark.api.rate-limit.per-address "
              + perAddress
              + "; must be 1 to 100000 (W14)");
    }
  }
}
