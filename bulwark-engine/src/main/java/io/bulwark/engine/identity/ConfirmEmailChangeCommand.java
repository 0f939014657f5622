package io.bulwark.engine.identity;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.EmailVerificationRepository.Pending;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Makes a mailed address the user's own and consumes every waiting link of the user (A11, Z9): the
 * link works once, until it expires, and not for a disabled user.
 */
final class ConfirmEmailChangeCommand implements Command<String> {

  private final UserEmails emails;

  private final String tokenHash;

  ConfirmEmailChangeCommand(UserEmails emails, String tokenHash) {
    this.emails = emails;
    this.tokenHash = tokenHash;
  }

  static ValidationException invalidToken() {
    return ValidationException.of(
        "token", "verification-token", "the link is unknown, used or expired; ask for a new one");
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("whoever received the mailed link confirms the address (Z9)");
  }

  @Override
  public String execute(CommandContext context) throws SQLException {
    Optional<Pending> pending =
        EmailVerificationRepository.findUsable(
            context.connection(), emails, tokenHash, context.now());
    if (pending.isEmpty()) {
      throw invalidToken();
    }
    String userId = pending.get().userId();
    EmailVerificationRepository.setEmail(
        context.connection(), emails, userId, pending.get().email());
    EmailVerificationRepository.deleteOf(context.connection(), userId);
    return userId;
  }
}
