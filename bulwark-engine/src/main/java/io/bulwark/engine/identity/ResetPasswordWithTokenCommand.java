package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.PasswordResetRepository.TokenRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Consumes a reset token and stores the new password, hashed before the transaction began (A11).
 * Checks again, in this transaction, that the token is unused, unexpired and bound to the user's
 * current revision; the password update increments the revision, which ends every session and
 * access token of the user at its next request (A10). The user's access tokens and other reset
 * tokens are deleted too.
 */
final class ResetPasswordWithTokenCommand implements Command<Void> {

  private final String tokenHash;
  private final String userId;
  private final long revision;
  private final String passwordHash;

  ResetPasswordWithTokenCommand(
      String tokenHash, String userId, long revision, String passwordHash) {
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.revision = revision;
    this.passwordHash = passwordHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the reset token itself is the proof; nobody is signed in (A11)");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    Optional<TokenRow> token = PasswordResetRepository.findToken(c, tokenHash);
    boolean valid =
        token.isPresent()
            && token.get().userId().equals(userId)
            && token.get().userRevision() == revision
            && token.get().expires().isAfter(context.now());
    if (!valid
        || !PasswordResetRepository.deleteToken(c, tokenHash)
        || !IdentityRepository.updatePassword(c, userId, revision, passwordHash)) {
      throw DatabasePasswordRecoveryService.invalidToken();
    }
    PasswordResetRepository.deleteTokensOf(c, userId);
    IdentitySql.update(c, "DELETE FROM bw_access_token WHERE user_id = ?", userId);
    return null;
  }
}
