package io.bulwark.engine.identity;

import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.PasswordResetRepository.TokenRow;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The user a reset token would reset now (A11): the token exists, has not expired, its user exists,
 * is enabled and is still at the revision the token was issued for. Changes nothing.
 */
final class LoadResetTargetCommand implements Command<Optional<User>> {

  private final UserEmails emails;

  private final String tokenHash;

  LoadResetTargetCommand(UserEmails emails, String tokenHash) {
    this.emails = emails;
    this.tokenHash = tokenHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the reset token itself is the proof; nobody is signed in (A11)");
  }

  @Override
  public Optional<User> execute(CommandContext context) throws SQLException {
    Optional<TokenRow> token = PasswordResetRepository.findToken(context.connection(), tokenHash);
    if (token.isEmpty() || !token.get().expires().isAfter(context.now())) {
      return Optional.empty();
    }
    return IdentityRepository.findUser(context.connection(), emails, token.get().userId())
        .map(IdentityRepository.UserRow::user)
        .filter(user -> !user.disabled() && user.revision() == token.get().userRevision());
  }
}
