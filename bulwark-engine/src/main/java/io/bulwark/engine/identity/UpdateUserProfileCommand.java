package io.bulwark.engine.identity;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Replaces a user's names and e-mail; the ID never changes. */
final class UpdateUserProfileCommand implements Command<User> {

  private final UserEmails emails;

  private final String userId;
  private final UserProfile profile;

  UpdateUserProfileCommand(UserEmails emails, String userId, UserProfile profile) {
    this.emails = emails;
    this.userId = IdPattern.requireValidId("userId", userId);
    this.profile = IdPattern.requireValidProfile(profile);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.USER, Permission.UPDATE, userId);
  }

  @Override
  public User execute(CommandContext context) throws SQLException {
    String displayName = profile.displayNameOr(userId);
    if (!IdentityRepository.updateProfile(
        context.connection(), emails, userId, profile, displayName)) {
      throw new NotFoundException("user " + userId + " not found");
    }
    return new GetUserCommand(emails, userId).execute(context);
  }
}
