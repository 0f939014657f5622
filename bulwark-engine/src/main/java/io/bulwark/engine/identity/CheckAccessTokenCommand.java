package io.bulwark.engine.identity;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.AccessTokenRepository.TokenRow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks an access token's hash against the stored token, the client address it is bound to (A9)
 * and its user's current state; nothing is cached (A10).
 */
final class CheckAccessTokenCommand implements Command<AccessTokenCheck> {

  private static final AccessTokenRepository TOKENS = new AccessTokenRepository();

  private final String tokenHash;
  private final String client;
  private final Instant now;

  CheckAccessTokenCommand(String tokenHash, String client, Instant now) {
    this.tokenHash = tokenHash;
    this.client = client;
    this.now = now;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the bearer of a token asks who it is; nobody is signed in yet");
  }

  @Override
  public AccessTokenCheck execute(CommandContext context) throws SQLException {
    Optional<TokenRow> row = TOKENS.find(context.connection(), tokenHash);
    if (row.isEmpty()) {
      return AccessTokenCheck.unknown();
    }
    TokenRow found = row.get();
    if (!now.isBefore(found.expires())) {
      return AccessTokenCheck.refused(Outcome.EXPIRED, found.userId());
    }
    if (found.boundClient() != null && !found.boundClient().equals(client)) {
      return AccessTokenCheck.refused(Outcome.WRONG_CLIENT, found.userId());
    }
    if (found.disabled()) {
      return AccessTokenCheck.refused(Outcome.USER_DISABLED, found.userId());
    }
    if (found.userChanged()) {
      return AccessTokenCheck.refused(Outcome.USER_CHANGED, found.userId());
    }
    if (found.mustChangePassword()) {
      return AccessTokenCheck.refused(Outcome.PASSWORD_CHANGE_REQUIRED, found.userId());
    }
    return AccessTokenCheck.valid(
        new Principal(
            found.userId(), GroupRepository.groupsOf(context.connection(), found.userId())));
  }
}
