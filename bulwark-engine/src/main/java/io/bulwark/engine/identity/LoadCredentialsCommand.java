package io.bulwark.engine.identity;

import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a password check needs: the user, the stored hash and the groups. Empty for an unknown
 * user or one without a password; the caller then verifies a dummy hash (A6).
 */
final class LoadCredentialsCommand
    implements Command<Optional<LoadCredentialsCommand.Credentials>> {

  private final UserEmails emails;

  /** A user, the stored hash (which never leaves this package) and the user's groups. */
  record Credentials(User user, String passwordHash, Set<String> groups) {}

  private final String userId;

  LoadCredentialsCommand(UserEmails emails, String userId) {
    this.emails = emails;
    this.userId = userId;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("authentication reads the user it checks; nobody is signed in yet");
  }

  @Override
  public Optional<Credentials> execute(CommandContext context) throws SQLException {
    Optional<IdentityRepository.UserRow> row =
        IdentityRepository.findUser(context.connection(), emails, userId);
    if (row.isEmpty() || row.get().passwordHash() == null) {
      return Optional.empty();
    }
    Set<String> groups = GroupRepository.groupsOf(context.connection(), userId);
    return Optional.of(new Credentials(row.get().user(), row.get().passwordHash(), groups));
  }
}
