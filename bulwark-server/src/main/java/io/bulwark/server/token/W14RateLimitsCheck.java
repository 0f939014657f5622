package io.bulwark.server.token;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import org.springframework.stereotype.Component;

/**
 * Doctor check W14: the per-user cap on access token issuance. FAIL above 100 tokens a minute (the
 * cap no longer keeps one client from filling the token table), WARN above 20.
 */
@Component
public final class W14RateLimitsCheck implements LocalCheck {

  private final TokenIssueSettings settings;

  public W14RateLimitsCheck(TokenIssueSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "W14";
  }

  @Override
  public Finding run() {
    int limit = settings.tokenIssueLimit();
    String message = "access tokens: at most " + limit + " per user per minute";
    String fix = "set bulwark.api.token-issue-limit to 20 or less (default 10)";
    if (limit > 100) {
      return Finding.fail(id(), message, fix);
    }
    if (limit > 20) {
      return Finding.warn(id(), message, fix);
    }
    return Finding.pass(id(), message);
  }
}
