package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AccessTokenService#check} found: the outcome and, only for {@link Outcome#VALID}, the
 * principal the token authenticates, with the user's current groups.
 */
public final class AccessTokenCheck {

  /** Why a token was accepted or refused; a client is never told which refusal applied (A6). */
  public enum Outcome {
    VALID,
    /** Never issued, revoked, malformed, or its user was deleted. */
    UNKNOWN,
    EXPIRED,
    USER_DISABLED,
    /** The user's password was reset and must be changed first (A2). */
    PASSWORD_CHANGE_REQUIRED
  }

  private final Outcome outcome;
  private final Principal principal;

  private AccessTokenCheck(Outcome outcome, Principal principal) {
    this.outcome = outcome;
    this.principal = principal;
  }

  public static AccessTokenCheck valid(Principal principal) {
    return new AccessTokenCheck(Outcome.VALID, Objects.requireNonNull(principal, "principal"));
  }

  /** A refusal: any outcome but {@link Outcome#VALID}. */
  public static AccessTokenCheck refused(Outcome outcome) {
    if (Objects.requireNonNull(outcome, "outcome") == Outcome.VALID) {
      throw new IllegalArgumentException("not a refusal: " + outcome);
    }
    return new AccessTokenCheck(outcome, null);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The principal when the token is valid; else empty. */
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  @Override
  public String toString() {
    return "AccessTokenCheck[" + outcome + "]";
  }
}
