package io.bulwark.engine.api;

import java.util.Objects;

/**
 * One password login attempt as the login throttle sees it (A5): the user ID as typed and the
 * client's address as the server saw it (the TCP peer; no proxy header).
 *
 * @param userId the user ID as submitted, possibly unknown or invalid (A6: unknown IDs are
 *     throttled exactly like known ones)
 * @param clientAddress the client's IP address literal, for example {@code 203.0.113.7} or {@code
 *     2001:db8::1}
 */
public record LoginAttempt(String userId, String clientAddress) {

  public LoginAttempt {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(clientAddress, "clientAddress");
  }
}
