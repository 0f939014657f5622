package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Stores the hash of a new access token with the client address it is bound to, if any (A9), and
 * purges expired ones.
 */
final class IssueAccessTokenCommand implements Command<Void> {

  private static final AccessTokenRepository TOKENS = new AccessTokenRepository();

  private final String tokenHash;
  private final String userId;
  private final String boundClient;
  private final Instant now;
  private final Instant expires;

  IssueAccessTokenCommand(
      String tokenHash, String userId, String boundClient, Instant now, Instant expires) {
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
    long revision =
        IdentityRepository.findUser(context.connection(), userId)
            .orElseThrow(() -> new NotFoundException("user " + userId + " not found"))
            .user()
            .revision();
    TOKENS.deleteExpired(context.connection(), now);
    // A10: the token lives only as long as its user is unchanged.
    TOKENS.insert(context.connection(), tokenHash, userId, revision, boundClient, now, expires);
    return null;
  }
}
