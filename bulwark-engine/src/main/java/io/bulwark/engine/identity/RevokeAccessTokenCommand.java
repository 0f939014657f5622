package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Deletes a token's row, so that the token is refused at once (A9); false when there was none. */
final class RevokeAccessTokenCommand implements Command<Boolean> {

  private static final AccessTokenRepository TOKENS = new AccessTokenRepository();

  private final String tokenHash;

  RevokeAccessTokenCommand(String tokenHash) {
    this.tokenHash = tokenHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("whoever holds a token may revoke it (RFC 7009)");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    return TOKENS.delete(context.connection(), tokenHash);
  }
}
