package io.bulwark.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A link to mail to a new e-mail address (A11, Z9): the address becomes the user's only when the
 * link's token is confirmed ({@link IdentityService#confirmEmailChange}). The token exists only
 * here; the caller mails it and clears it. {@link #toString()} does not show it.
 *
 * @param userId the account
 * @param displayName the name to greet
 * @param email the new address, where the link goes
 * @param token 43 URL-safe characters (256 bits); stored only as its SHA-256
 * @param expires when the link stops working
 */
public record EmailVerification(
    String userId, String displayName, String email, Secret token, Instant expires) {

  /** How long a link works. */
  public static final Duration LIFETIME = Duration.ofMinutes(IdentityService.EMAIL_LINK_MINUTES);

  public EmailVerification {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expires, "expires");
  }
}
