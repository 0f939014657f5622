package io.bulwark.engine.api;

import java.util.List;

/**
 * Login throttling (A5), kept in the engine's database so that every node sharing it sees the same
 * counts. Call {@link #admit} before checking a password and {@link #succeeded} after a right one;
 * a wrong one needs no call, because admission already counted it as a failure (so that parallel
 * guesses cannot slip past the count). Thread-safe; each call is one engine command.
 *
 * <p>Limits, with {@link LoginThrottleSettings}: per account and client address a few free
 * failures, then a doubling delay, then a lock for a while; per account across the addresses it has
 * not signed in from lately, a higher limit; per client address a rate of failures whatever the
 * account. Unknown user IDs are counted exactly like known ones (A6).
 */
public interface LoginThrottleService {

  /** Decides whether the password of this attempt may be checked, and counts it (A5). */
  LoginAdmission admit(LoginAttempt attempt);

  /**
   * Records a right password: clears the failures of this account from this address, makes the
   * address a known one for the account, and gives back the address's rate slot.
   */
  void succeeded(LoginAttempt attempt);

  /**
   * Clears every lock and failure count of an account, from every address (A5). Known addresses
   * stay known.
   *
   * @return how many locks were lifted (0 when the account was not locked)
   * @throws AuthorizationDeniedException the actor may not update the user
   * @throws ValidationException the user ID breaks the ID pattern (Z7)
   */
  int unlock(Principal actor, String userId);

  /** The accounts locked now, by user ID, at most {@code maxResults} (1..2000, W8). */
  List<LockedAccount> lockedAccounts(Principal actor, int maxResults);
}
