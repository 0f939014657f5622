package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An account the login throttle holds locked (A5), for administrators.
 *
 * @param userId the user ID as typed by the failing clients; may be an ID no user has (A6)
 * @param clientAddress the address (an IPv6 address as its /64 network) it is locked for, or
 *     {@value #EVERY_UNKNOWN_ADDRESS} for the account-wide lock
 * @param failures the failures counted
 * @param lockedUntil when the lock ends by itself
 */
public record LockedAccount(
    String userId, String clientAddress, int failures, Instant lockedUntil) {

  /** The client address of an account-wide lock: every address the user has not used lately. */
  public static final String EVERY_UNKNOWN_ADDRESS = "*";

  public LockedAccount {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
  }
}
