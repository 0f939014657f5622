package io.bulwark.engine.identity;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.IssuedAccessToken;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.CommandExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AccessTokenService} over table {@code bw_access_token}, each operation a command of
 * the one {@link CommandExecutor}. Nothing is cached: every check is one query that joins the token
 * with its user (A10). Thread-safe.
 */
public final class DatabaseAccessTokenService implements AccessTokenService {

  private final CommandExecutor executor;
  private final Clock clock;
  private final AccessTokens tokens = new AccessTokens();

  public DatabaseAccessTokenService(CommandExecutor executor, Clock clock) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public IssuedAccessToken issue(Principal principal, Duration lifetime, String boundClient) {
    String userId = Objects.requireNonNull(principal, "principal").userId();
    requireLifetime(lifetime);
    requireClient(boundClient);
    Secret token = tokens.next();
    String hash = AccessTokens.hash(token).orElseThrow();
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    try {
      executor.execute(
          DatabaseIdentityService.SYSTEM,
          new IssueAccessTokenCommand(hash, userId, boundClient, now, expires));
    } catch (RuntimeException e) {
      token.clear();
      throw e;
    }
    return new IssuedAccessToken(token, userId, expires);
  }

  @Override
  public AccessTokenCheck check(Secret token, String client) {
    Optional<String> hash = AccessTokens.hash(Objects.requireNonNull(token, "token"));
    if (hash.isEmpty()) {
      return AccessTokenCheck.unknown();
    }
    return executor.execute(
        DatabaseIdentityService.SYSTEM,
        new CheckAccessTokenCommand(hash.get(), client, clock.instant()));
  }

  @Override
  public boolean revoke(Secret token) {
    Optional<String> hash = AccessTokens.hash(Objects.requireNonNull(token, "token"));
    if (hash.isEmpty()) {
      return false;
    }
    return executor.execute(
        DatabaseIdentityService.SYSTEM, new RevokeAccessTokenCommand(hash.get()));
  }

  private static void requireClient(String boundClient) {
    if (boundClient != null && (boundClient.isEmpty() || boundClient.length() > 64)) {
      throw ValidationException.of(
          "boundClient", "client-address", "a bound client address has 1 to 64 characters (A9)");
    }
  }

  private static void requireLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw ValidationException.of(
          "lifetime",
          "token-lifetime",
          "invalid token lifetime " + lifetime + "; must be PT1M to PT24H (A9)");
    }
  }
}
