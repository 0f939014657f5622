package io.bulwark.server.token;

import io.bulwark.server.access.ApiRateLimitSettings;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import org.springframework.stereotype.Component;

/**
 * Doctor check W14: the integration API's request rate limits per principal and client address, and
 * the per-user cap on access token issuance. FAIL when the rate limits are switched off or the
 * token cap is above 100 a minute (the cap no longer keeps one client from filling the token
 * table); WARN when a rate limit is above 1000 (per principal) or 2000 (per address) requests a
 * second per endpoint group, or the token cap above 20.
 */
@Component
public final class W14RateLimitsCheck implements LocalCheck {

  private final TokenIssueSettings settings;
  private final ApiRateLimitSettings rates;

  public W14RateLimitsCheck(TokenIssueSettings settings, ApiRateLimitSettings rates) {
    this.settings = settings;
    this.rates = rates;
  }

  @Override
  public String id() {
    return "W14";
  }

  @Override
  public Finding run() {
    int limit = settings.tokenIssueLimit();
    String message =
        (rates.allowInsecureOff()
                ? "API request rate limits: OFF"
                : "API requests: at most "
                    + rates.perPrincipal()
                    + "/s per user and "
                    + rates.perAddress()
                    + "/s per client address in each endpoint group")
            + "; access tokens: at most "
            + limit
            + " per user per minute";
    if (rates.allowInsecureOff()) {
      return Finding.fail(
          id(), message, "remove bulwark.api.rate-limit.allow-insecure-off (default false)");
    }
    String fix = "set bulwark.api.token-issue-limit to 20 or less (default 10)";
    if (limit > 100) {
      return Finding.fail(id(), message, fix);
    }
    if (rates.perPrincipal() > 1000 || rates.perAddress() > 2000) {
      return Finding.warn(
          id(),
          message,
          "set bulwark.api.rate-limit.per-principal to 1000 or less and .per-address to 2000 or"
              + " less (defaults 100, 200)");
    }
    if (limit > 20) {
      return Finding.warn(id(), message, fix);
    }
    return Finding.pass(id(), message);
  }
}
