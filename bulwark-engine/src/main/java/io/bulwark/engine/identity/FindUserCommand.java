package io.bulwark.engine.identity;

import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;

/** Looks up a user for the server's authentication path, which has no principal yet. */
final class FindUserCommand implements Command<Optional<User>> {

  private final UserEmails emails;

  private final String userId;

  FindUserCommand(UserEmails emails, String userId) {
    this.emails = emails;
    this.userId = userId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "the authentication path reads the user it authenticates; nobody is signed in yet");
  }

  @Override
  public Optional<User> execute(CommandContext context) throws SQLException {
    return IdentityRepository.findUser(context.connection(), emails, userId)
        .map(IdentityRepository.UserRow::user);
  }
}
