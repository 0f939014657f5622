package io.bulwark.engine.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AccessTokenService#check} found: the outcome and, only for {@link Outcome#VALID}, the
 * principal the token authenticates, with the user's current groups. A refusal names the token's
 * user when the token was found, for the authentication log (A7); the client is told nothing.
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
    PASSWORD_CHANGE_REQUIRED,
    /**
     * The user changed since the token was issued: password changed or reset, re-enabled, profile
     * edited (A10). The client asks for a new token.
     */
    USER_CHANGED,
    /** The token is bound to the client address it was issued to, and came from another (A9). */
    WRONG_CLIENT
  }

  /** {@link #locationRuleVersion} when the check did not read it. */
  private static final long NOT_READ = -1;

  private final Outcome outcome;
  private final @Nullable Principal principal;
  private final @Nullable String userId;
  private final long locationRuleVersion;

  private AccessTokenCheck(
      Outcome outcome,
      @Nullable Principal principal,
      @Nullable String userId,
      long locationRuleVersion) {
    this.outcome = outcome;
    this.principal = principal;
    this.userId = userId;
    this.locationRuleVersion = locationRuleVersion;
  }

  /** A valid token whose check did not read the location rules' version. */
  public static AccessTokenCheck valid(Principal principal) {
    Objects.requireNonNull(principal, "principal");
    return new AccessTokenCheck(Outcome.VALID, principal, principal.userId(), NOT_READ);
  }

  /**
   * A valid token whose check read the location rules' version (Z4) in the same statement, so that
   * the server needs no statement of its own for this request's rules (issue 14).
   */
  public static AccessTokenCheck valid(Principal principal, long locationRuleVersion) {
    Objects.requireNonNull(principal, "principal");
    if (locationRuleVersion < 0) {
      throw new IllegalArgumentException("a version is never negative: " + locationRuleVersion);
    }
    return new AccessTokenCheck(Outcome.VALID, principal, principal.userId(), locationRuleVersion);
  }

  /** A refusal of a token that was not found: {@link Outcome#UNKNOWN}. */
  public static AccessTokenCheck unknown() {
    return new AccessTokenCheck(Outcome.UNKNOWN, null, null, NOT_READ);
  }

  /** A refusal of a token of the given user: any outcome but {@link Outcome#VALID}. */
  public static AccessTokenCheck refused(Outcome outcome, String userId) {
    if (Objects.requireNonNull(outcome, "outcome") == Outcome.VALID) {
      throw new IllegalArgumentException("not a refusal: " + outcome);
    }
    return new AccessTokenCheck(outcome, null, Objects.requireNonNull(userId, "userId"), NOT_READ);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The principal when the token is valid; else empty. */
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  /**
   * The location rules' version (Z4) read with a valid token, when the check read it; empty
   * otherwise (a refusal, or a directory user's token).
   */
  public OptionalLong locationRuleVersion() {
    return locationRuleVersion == NOT_READ
        ? OptionalLong.empty()
        : OptionalLong.of(locationRuleVersion);
  }

  /** The token's user when the token was found; empty for {@link Outcome#UNKNOWN}. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  @Override
  public String toString() {
    return "AccessTokenCheck[" + outcome + "]";
  }
}
