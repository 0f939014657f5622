package io.bulwark.engine.identity;

import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Confirms that a password check which succeeded earlier still stands (A10): the user exists, is
 * enabled, needs no password change and is at the revision read before that check, so that nothing
 * about it changed since. Answers the principal with the user's current groups.
 */
final class ConfirmAuthenticationCommand implements Command<Optional<Principal>> {

  private final UserEmails emails;

  private final String userId;
  private final long revision;

  ConfirmAuthenticationCommand(UserEmails emails, String userId, long revision) {
    this.emails = emails;
    this.userId = userId;
    this.revision = revision;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "the authentication path re-checks the user it authenticated; nobody is signed in yet");
  }

  @Override
  public Optional<Principal> execute(CommandContext context) throws SQLException {
    Optional<User> user =
        IdentityRepository.findUser(context.connection(), emails, userId)
            .map(IdentityRepository.UserRow::user)
            .filter(u -> u.revision() == revision && !u.disabled() && !u.mustChangePassword());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Principal(userId, GroupRepository.groupsOf(context.connection(), userId)));
  }
}
