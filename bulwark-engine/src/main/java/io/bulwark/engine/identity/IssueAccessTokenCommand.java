package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryUser;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stores the hash of a new access token with the client address it is bound to, if any (A9), and
 * purges expired ones. The token is the database user's when the database holds the ID, else the
 * given directory user's (A8), else there is no such user.
 */
final class IssueAccessTokenCommand implements Command<Void> {

  private static final AccessTokenRepository TOKENS = new AccessTokenRepository();

  private final String tokenHash;
  private final String userId;
  private final @Nullable String boundClient;
  private final Instant now;
  private final Instant expires;
  private final @Nullable DirectoryUser directoryUser;

  /**
   * @param directoryUser the directory's user of that ID, as the directory holds it now, or null
   */
  IssueAccessTokenCommand(
      String tokenHash,
      String userId,
      @Nullable String boundClient,
      Instant now,
      Instant expires,
      @Nullable DirectoryUser directoryUser) {
    this.directoryUser = directoryUser;
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.boundClient = boundClient;
    this.now = now;
    this.expires = expires;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("issues a token to the principal the server has just authenticated");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    Optional<Long> stored = IdentityRepository.revisionOf(context.connection(), userId);
    long revision;
    if (stored.isPresent()) {
      revision = stored.get();
    } else if (directoryUser != null) {
      revision = directoryUser.revision();
    } else {
      throw new NotFoundException("user " + userId + " not found");
    }
    TOKENS.deleteExpired(context.connection(), now);
    // A10: the token lives only as long as its user is unchanged.
    TOKENS.insert(
        context.connection(),
        tokenHash,
        userId,
        stored.isEmpty(),
        revision,
        boundClient,
        now,
        expires);
    return null;
  }
}
