package io.bulwark.engine.identity;

import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Replaces the acting user's own names and e-mail (Z9). The user is the actor, never an input, so
 * no one edits another profile through it; the ID, groups, grants, state and password are out of
 * its reach (the profile holds none of them).
 */
final class UpdateOwnProfileCommand implements Command<User> {

  private final UserProfile profile;

  UpdateOwnProfileCommand(UserProfile profile) {
    this.profile = IdPattern.requireValidProfile(profile);
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "a user edits the allowlisted attributes of their own profile (Z9); the user is the actor");
  }

  @Override
  public User execute(CommandContext context) throws SQLException {
    Actor actor = context.actor();
    if (actor.kind() != Actor.Kind.USER) {
      throw new ForbiddenException("only a signed-in user has a profile of their own");
    }
    String userId = actor.userId();
    String displayName = profile.displayNameOr(userId);
    IdPattern.requireValidName("displayName", displayName);
    if (!IdentityRepository.updateProfile(context.connection(), userId, profile, displayName)) {
      throw new NotFoundException("user " + userId + " not found");
    }
    return IdentityRepository.findUser(context.connection(), userId)
        .map(IdentityRepository.UserRow::user)
        .orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
  }
}
