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
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the acting user's own names and e-mail (Z9) and, when a new address waits for its mailed
 * link, records it in place of any older one (A11). The user is the actor, never an input, so no
 * one edits another profile through it; the ID, groups, grants, state and password are out of its
 * reach (the profile holds none of them).
 */
final class UpdateOwnProfileCommand implements Command<User> {

  private final UserEmails emails;

  /** A new address waiting for its link: the token's hash, the address, when the link ends. */
  record PendingEmail(String tokenHash, String email, Instant expires) {}

  private final UserProfile profile;
  private final @Nullable PendingEmail pending;

  /**
   * @param pending the new address waiting for its link, or null
   */
  UpdateOwnProfileCommand(UserEmails emails, UserProfile profile, @Nullable PendingEmail pending) {
    this.emails = emails;
    this.profile = IdPattern.requireValidProfile(profile);
    this.pending = pending;
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
    if (!IdentityRepository.updateProfile(
        context.connection(), emails, userId, profile, displayName)) {
      throw new NotFoundException("user " + userId + " not found");
    }
    if (pending != null) {
      EmailVerificationRepository.replace(
          context.connection(),
          emails,
          userId,
          pending.tokenHash(),
          pending.email(),
          context.now(),
          pending.expires());
    }
    return IdentityRepository.findUser(context.connection(), emails, userId)
        .map(IdentityRepository.UserRow::user)
        .orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
  }
}
