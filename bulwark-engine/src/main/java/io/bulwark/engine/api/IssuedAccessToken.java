package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A token just issued by {@link AccessTokenService#issue}. The token value exists only here: the
 * caller hands it to the client and clears it; {@link #toString()} does not show it.
 *
 * @param token the bearer token, 43 URL-safe base64 characters (256 bits)
 * @param userId the user the token authenticates
 * @param expires when the token stops being accepted
 */
public record IssuedAccessToken(Secret token, String userId, Instant expires) {

  public IssuedAccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expires, "expires");
  }
}
