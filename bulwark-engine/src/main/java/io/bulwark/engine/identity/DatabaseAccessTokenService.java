package io.bulwark.engine.identity;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.IssuedAccessToken;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.identity.AccessTokenRepository.TokenRow;
import io.bulwark.engine.persistence.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AccessTokenService} over table {@code bw_access_token}. Nothing is cached: every check
 * is one query that joins the token with its user (A10). Thread-safe.
 */
public final class DatabaseAccessTokenService implements AccessTokenService {

  private final Transactions transactions;
  private final Clock clock;
  private final AccessTokens tokens = new AccessTokens();
  private final AccessTokenRepository repository = new AccessTokenRepository();
  private final IdentityRepository identity = new IdentityRepository();

  public DatabaseAccessTokenService(Transactions transactions, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public IssuedAccessToken issue(Principal principal, Duration lifetime) {
    String userId = Objects.requireNonNull(principal, "principal").userId();
    requireLifetime(lifetime);
    Secret token = tokens.next();
    String hash = AccessTokens.hash(token).orElseThrow();
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    try {
      transactions.inTransaction(
          "issue access token for " + userId,
          c -> {
            if (identity.findUser(c, userId).isEmpty()) {
              throw new NotFoundException("user " + userId + " not found");
            }
            repository.deleteExpired(c, now);
            repository.insert(c, hash, userId, now, expires);
            return null;
          });
    } catch (RuntimeException e) {
      token.clear();
      throw e;
    }
    return new IssuedAccessToken(token, userId, expires);
  }

  @Override
  public AccessTokenCheck check(Secret token) {
    Optional<String> hash = AccessTokens.hash(Objects.requireNonNull(token, "token"));
    if (hash.isEmpty()) {
      return AccessTokenCheck.unknown();
    }
    Instant now = clock.instant();
    return transactions.inTransaction(
        "check access token",
        c -> {
          Optional<TokenRow> row = repository.find(c, hash.get());
          if (row.isEmpty()) {
            return AccessTokenCheck.unknown();
          }
          TokenRow found = row.get();
          if (!now.isBefore(found.expires())) {
            return AccessTokenCheck.refused(Outcome.EXPIRED, found.userId());
          }
          if (found.disabled()) {
            return AccessTokenCheck.refused(Outcome.USER_DISABLED, found.userId());
          }
          if (found.mustChangePassword()) {
            return AccessTokenCheck.refused(Outcome.PASSWORD_CHANGE_REQUIRED, found.userId());
          }
          return AccessTokenCheck.valid(
              new Principal(found.userId(), identity.groupsOf(c, found.userId())));
        });
  }

  @Override
  public boolean revoke(Secret token) {
    Optional<String> hash = AccessTokens.hash(Objects.requireNonNull(token, "token"));
    if (hash.isEmpty()) {
      return false;
    }
    return transactions.inTransaction("revoke access token", c -> repository.delete(c, hash.get()));
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
