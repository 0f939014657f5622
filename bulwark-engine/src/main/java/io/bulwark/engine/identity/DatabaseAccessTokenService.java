package io.bulwark.engine.identity;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.IssuedAccessToken;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.ExternalDirectory;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryUser;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.identity.CheckAccessTokenCommand.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AccessTokenService} over table {@code bw_access_token}, each operation a command of
 * the one {@link CommandExecutor}. Nothing is cached: every check is one query that joins the token
 * with its user (A10). With a directory (A8), a user the database does not hold gets a token when
 * the directory holds them enabled; each use of that token asks the directory again, and the token
 * is refused once the directory no longer knows the user, reports them disabled, or changed their
 * entry (names, e-mail, groups) since the token was issued, as a database user's token is.
 * Thread-safe.
 */
public final class DatabaseAccessTokenService implements AccessTokenService {

  private final CommandExecutor executor;
  private final Clock clock;
  private final Optional<ExternalDirectory> directory;
  private final AccessTokens tokens = new AccessTokens();

  public DatabaseAccessTokenService(CommandExecutor executor, Clock clock) {
    this(executor, clock, Optional.empty());
  }

  /**
   * @param directory the read-only directory whose users may hold tokens too, if any
   */
  public DatabaseAccessTokenService(
      CommandExecutor executor, Clock clock, Optional<ExternalDirectory> directory) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public IssuedAccessToken issue(
      Principal principal, Duration lifetime, @Nullable String boundClient) {
    String userId = Objects.requireNonNull(principal, "principal").userId();
    requireLifetime(lifetime);
    requireClient(boundClient);
    Secret token = tokens.next();
    String hash = AccessTokens.hash(token).orElseThrow();
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    try {
      try {
        executor.execute(
            DatabaseIdentityService.SYSTEM,
            new IssueAccessTokenCommand(hash, userId, boundClient, now, expires, null));
      } catch (NotFoundException notInDatabase) {
        DirectoryUser user =
            directoryUser(userId).filter(u -> !u.disabled()).orElseThrow(() -> notInDatabase);
        executor.execute(
            DatabaseIdentityService.SYSTEM,
            new IssueAccessTokenCommand(hash, userId, boundClient, now, expires, user));
      }
    } catch (RuntimeException e) {
      token.clear();
      throw e;
    }
    return new IssuedAccessToken(token, userId, expires);
  }

  @Override
  public AccessTokenCheck check(Secret token, @Nullable String client) {
    Optional<String> hash = AccessTokens.hash(Objects.requireNonNull(token, "token"));
    if (hash.isEmpty()) {
      return AccessTokenCheck.unknown();
    }
    Verdict verdict =
        executor.execute(
            DatabaseIdentityService.SYSTEM,
            new CheckAccessTokenCommand(hash.get(), client, clock.instant()));
    if (verdict.decided() != null) {
      return verdict.decided();
    }
    // Undecided verdicts always name the directory user to confirm.
    return confirmInDirectory(
        Objects.requireNonNull(verdict.directoryUserId()), verdict.directoryRevision());
  }

  /**
   * A directory user's token after the database's part passed: valid only while the directory holds
   * the user enabled and unchanged (A8, A10). An unreachable directory throws, as at Basic sign-in:
   * nobody is authenticated.
   */
  private AccessTokenCheck confirmInDirectory(String userId, long revision) {
    Optional<DirectoryUser> user = directoryUser(userId);
    if (user.isEmpty()) {
      return AccessTokenCheck.refused(Outcome.UNKNOWN, userId);
    }
    if (user.get().disabled()) {
      return AccessTokenCheck.refused(Outcome.USER_DISABLED, userId);
    }
    if (user.get().revision() != revision) {
      return AccessTokenCheck.refused(Outcome.USER_CHANGED, userId);
    }
    return AccessTokenCheck.valid(new Principal(user.get().id(), user.get().groups()));
  }

  private Optional<DirectoryUser> directoryUser(String userId) {
    if (directory.isEmpty() || !IdPattern.ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    return directory.get().findUser(userId);
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

  private static void requireClient(@Nullable String boundClient) {
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
