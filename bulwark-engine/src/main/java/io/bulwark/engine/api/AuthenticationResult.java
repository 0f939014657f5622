package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link IdentityService#authenticate} found: the outcome and, for {@link
 * AuthenticationOutcome#SUCCESS} and {@link AuthenticationOutcome#PASSWORD_CHANGE_REQUIRED}, the
 * authenticated principal.
 */
public final class AuthenticationResult {

  private final AuthenticationOutcome outcome;
  private final @Nullable Principal principal;

  private AuthenticationResult(AuthenticationOutcome outcome, @Nullable Principal principal) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.principal = principal;
  }

  /** A password that was right, for a user who is not disabled. */
  public static AuthenticationResult authenticated(
      Principal principal, AuthenticationOutcome outcome) {
    if (outcome != AuthenticationOutcome.SUCCESS
        && outcome != AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED) {
      throw new IllegalArgumentException("not an authenticated outcome: " + outcome);
    }
    return new AuthenticationResult(outcome, Objects.requireNonNull(principal, "principal"));
  }

  /** A refusal: {@link AuthenticationOutcome#BAD_CREDENTIALS} or {@code DISABLED}. */
  public static AuthenticationResult refused(AuthenticationOutcome outcome) {
    if (outcome == AuthenticationOutcome.SUCCESS
        || outcome == AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED) {
      throw new IllegalArgumentException("not a refusal: " + outcome);
    }
    return new AuthenticationResult(outcome, null);
  }

  public AuthenticationOutcome outcome() {
    return outcome;
  }

  /** The principal when the password was right and the user is enabled; else empty. */
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  @Override
  public String toString() {
    return "AuthenticationResult[" + outcome + "]";
  }
}
