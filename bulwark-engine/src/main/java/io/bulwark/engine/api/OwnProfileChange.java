package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link IdentityService#updateOwnProfile} did (Z9): the user with the new names, and, when a
 * new e-mail address was asked for, the link to mail to it. The user's e-mail address is still the
 * old one then.
 *
 * @param user the user after the change
 * @param emailVerification the link to mail to the new address; empty when the address stayed
 */
public record OwnProfileChange(User user, Optional<EmailVerification> emailVerification) {

  public OwnProfileChange {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(emailVerification, "emailVerification");
  }
}
