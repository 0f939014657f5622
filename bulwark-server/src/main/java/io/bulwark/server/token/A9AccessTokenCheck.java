package io.bulwark.server.token;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Doctor check A9: the integration API's access tokens. WARN when tokens are not bound to the
 * client address they were issued to ({@code bulwark.api.allow-insecure-unbound-tokens}), so that a
 * stolen token works from anywhere, or when they live longer than the baseline's default of {@link
 * #BASELINE_LIFETIME}; PASS otherwise. A9 asks for binding as an option, so its absence is a
 * warning, not a failure.
 */
@Component
public final class A9AccessTokenCheck implements LocalCheck {

  static final Duration BASELINE_LIFETIME = Duration.ofMinutes(15);

  private final ApiTokenSettings settings;

  public A9AccessTokenCheck(ApiTokenSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "A9";
  }

  @Override
  public Finding run() {
    String message =
        "access tokens live "
            + settings.tokenLifetime()
            + (settings.allowInsecureUnboundTokens()
                ? " and are NOT bound to a client address"
                : " and are bound to the client address they were issued to");
    if (settings.allowInsecureUnboundTokens()) {
      return Finding.warn(
          id(), message, "remove bulwark.api.allow-insecure-unbound-tokens (default false)");
    }
    if (settings.tokenLifetime().compareTo(BASELINE_LIFETIME) > 0) {
      return Finding.warn(
          id(), message, "set bulwark.api.token-lifetime to PT15M or less (default PT15M)");
    }
    return Finding.pass(id(), message);
  }
}
