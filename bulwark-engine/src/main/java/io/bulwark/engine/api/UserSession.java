package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in web session as {@link SessionService} lists it (A10). Holds no secret: the handle
 * names the session for ending it and is neither its session ID nor derived from it.
 *
 * @param handle 32 lower-case hex digits (128 random bits)
 * @param userId the session's user
 * @param node the node that holds the session
 * @param client the client address at sign-in
 * @param userAgent the user agent at sign-in, bounded and with control characters escaped
 * @param created when the user signed in
 * @param lastUsed the last request, exact to the server's last-used interval
 */
public record UserSession(
    String handle,
    String userId,
    String node,
    String client,
    String userAgent,
    Instant created,
    Instant lastUsed) {

  public UserSession {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
  }
}
